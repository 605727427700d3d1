## Plan, item cards, history

plan-title = <b>План — { $cluster }</b> ({ $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
})
plan-line = { $number }. { $text } — { $state }{ $due }
plan-state-done = ✅ выполнено
plan-state-unassigned = нет исполнителей в боте
plan-state-undated = нет даты срока
plan-state-colleges = { $done } из { $total } ПОО отчитались
plan-state-reports = отчётов: { $done } из { $total }
item-usage = Напишите номер пункта: /item 2.3
history-usage = Напишите номер пункта: /history 2.3
error-item-number-not-found = Пункт { $number } не найден в ваших кластерах.
card-title = <b>Пункт { $number }</b> · { $cluster }
card-executors = Исполнители: { $executors }
card-deadline = Срок в плане: { $phrase }
card-dates = Даты: { $dates }
card-result = Результат: { $result }
card-indicator = Показатель: { $text } (факт: { $actual })
card-status = Состояние: { $status }
card-reason = Причина: { $reason }
card-assignments = <b>Исполнители и отчёты</b> ({ $count }):
card-assignment = • { $who }, срок { $due }: { $status }
card-report = {"  "}— { $kind } { $at }, { $name }: { $text }{ $files }
card-report-files = {" "}({ $count ->
    [one] { $count } файл
    [few] { $count } файла
   *[many] { $count } файлов
})
card-date-moved = { $due } (было { $original })
card-mode-per-organization = Отчитывается каждая ПОО отдельно.
card-mode-shared = Один общий отчёт от исполнителей.
card-button-history = 🕘 История
card-button-per-organization = 🏫 Отчёт от каждой ПОО
card-button-shared = 👥 Один общий отчёт
item-mode-per-organization = Готово: теперь по пункту { $number } отчитывается каждая ПОО. Уже отправленные отчёты сохранены.
item-mode-shared = Готово: теперь по пункту { $number } нужен один общий отчёт. Уже отправленные отчёты сохранены.
audit-item-mode-per-organization = отчёты переключены: от каждой ПОО
audit-item-mode-shared = отчёты переключены: один общий
card-decision = {"    "}{ $decision } { $reason }
card-files-button = 📎 Прислать файлы ({ $count })
card-no-files = К этому пункту пока не приложено ни одного файла.
card-file-caption = Пункт { $number }: { $name } ({ $organization })
item-status-active = в работе
item-status-done = выполнено
item-status-cancelled = снято с контроля
report-kind-done = отчёт о выполнении
report-kind-progress = комментарий о ходе работы
report-kind-comment = файлы
report-kind-extension_request = просьба о переносе срока
decision-label-accepted = ✅ принято
decision-label-returned = ↩️ возвращено:
decision-label-approved = ✅ перенос согласован
decision-label-rejected = ✖️ перенос отклонён
history-title = <b>История пункта { $number }</b>
history-line = { $at } — { $action }
history-line-by = { $at } — { $actor }: { $action }
history-party = { $action } ({ $party })
history-dates = { $action }: { $before } → { $after }
history-reason = { $action }. Причина: «{ $reason }»
history-imported = Создан при импорте плана «{ $title }» { $date }.
history-empty = Записей пока нет.
audit-item-changed-by-import = изменён при повторном импорте плана
audit-item-removed-by-import = снят с контроля при повторном импорте плана
audit-item-deadline-set = установлен срок
audit-item-done = выполнен: все отчёты приняты
audit-item-closed = закрыт координатором
audit-item-cancelled = снят с контроля координатором
audit-report-done = отправлен отчёт о выполнении
audit-report-progress = добавлен комментарий о ходе работы
audit-report-comment = приложены файлы
audit-report-extension-request = запрошен перенос срока
audit-report-accepted = отчёт принят
audit-report-returned = отчёт возвращён на доработку
audit-deadline-moved = срок перенесён
audit-deadline-move-rejected = перенос срока отклонён

cmd-my = Мои пункты плана
cmd-plan = План кластера
cmd-done = Отметить пункт выполненным
cmd-item = Карточка пункта
cmd-history = История пункта
cmd-invite = Пригласить участника
cmd-invites = Действующие приглашения
cmd-members = Участники кластера
cmd-newcluster = Создать кластер
cmd-bind = Привязать группу к кластеру

## The executor's list and card

my-button-note = 💬
my-button-file = 📎
my-button-move = ⏰
my-button-info = ℹ️
executor-card-title = <b>Пункт { $number }</b> · { $cluster }
executor-card-due = { $due }; в плане: «{ $phrase }»
executor-card-who = Отвечает: { $who }
executor-card-who-of = Отвечает: { $organization } ({ $role })
executor-card-result = Ожидаемый результат: { $result }
executor-card-status = Состояние: { $status }
executor-card-returned = Причина возврата: { $reason }

## Managing items by hand

card-button-deadline = 📅 Срок
card-button-executors = 👥 Исполнители
card-button-close = ✅ Закрыть
card-button-cancel = 🚫 Снять с контроля
item-ask-executors = Пункт { $number }, исполнители сейчас: { $executors }.
    Напишите, кого добавить, как пишут в плане: например, «Руководители ПОО, ЦОПП».
item-executors-added = Исполнители пункта { $number }: { $executors }.
item-ask-close-reason = Пункт { $number } будет закрыт как выполненный. Напишите основание (например, «протокол № 5 от 12.03»).
item-ask-cancel-reason = Пункт { $number } будет снят с контроля. Напишите причину.
item-closed = Пункт { $number } закрыт как выполненный.
item-cancelled = Пункт { $number } снят с контроля.
additem-ask-text = Новый пункт плана кластера «{ $cluster }». Напишите, что нужно сделать.
additem-ask-executors = Кто исполнители? Напишите, как в плане: например, «Руководители ПОО» или «Секретарь КС».
additem-ask-deadline = Какой срок? Например: «до 15.05.2022», «II квартал», «ежеквартально».
additem-done = Пункт { $number } добавлен. Сроки: { $dates }.
error-item-text = Напишите, что нужно сделать, — хотя бы несколько слов.
error-item-executors = Не удалось понять, кто исполнители. Напишите, например, «Руководители ПОО».
audit-item-added = добавлен вручную
audit-item-executors-added = добавлены исполнители
cmd-additem = Добавить пункт вручную
