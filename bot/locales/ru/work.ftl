## Clusters, invites, members

choose-cluster = Выберите кластер:
cluster-ask-name = Как называется кластер? Например: «Образовательно-отраслевой кластер транспорта».
cluster-ask-region = В каком регионе работает кластер? Например: «Смоленская область».
cluster-ask-timezone = Выберите часовой пояс кластера — по нему бот будет отправлять напоминания:
cluster-created = Кластер «{ $name }» создан (часовой пояс: { $timezone }). Пригласите координатора командой /invite.
error-admin-only = Это может сделать только администратор бота.
error-cluster-name = Название кластера должно быть от 3 до 300 символов.
error-cluster-exists = Кластер «{ $name }» уже есть.
error-timezone = Неизвестный часовой пояс: { $value }.
error-no-clusters = Вы пока не состоите ни в одном кластере. Попросите координатора прислать приглашение.

invite-ask-role = С какой ролью пригласить?
invite-ask-organization = Напишите организацию (колледж, техникум, предприятие), от которой будет работать приглашённый, — или нажмите «Без организации».
invite-no-organization = Без организации
invite-ask-plan-roles = Отметьте роли из плана, за которые будет отвечать приглашённый, и нажмите «Готово»:
invite-roles-done = Готово
invite-created = Приглашение создано: { $role }.
    Роли в плане: { $roles }
    Действует до { $expires } (UTC), { $uses ->
        [one] для { $uses } человека
       *[other] для { $uses } человек
    }.

    Перешлите эту ссылку приглашённому:
    { $link }
invites-title = <b>Действующие приглашения — { $cluster }</b>: { $count }
invite-line = #{ $id } — { $role }, до { $expires }, использовано { $used } из { $uses }
invite-revoke-button = Отозвать #{ $id }
invite-revoked-done = Приглашение #{ $id } отозвано.

join-ask-name = Вас приглашают в кластер с ролью «{ $role }». Напишите, пожалуйста, ваши фамилию, имя и отчество — так вас увидят координатор и коллеги.
join-keep-name = Оставить «{ $name }»
join-bad-name = Напишите фамилию, имя и отчество (от 3 до 300 символов).
join-ask-organization = Какую организацию вы представляете? Напишите её название, например: «ОГБПОУ Смоленский автотранспортный колледж».
join-ask-position = Ваша должность? Например: «директор». Можно пропустить.
join-skip = Пропустить
join-done = Добро пожаловать в кластер «{ $cluster }»! Ваша роль: { $role }, организация: { $organization }.
    Ваши пункты плана — /my, весь план — /plan.

members-title = <b>Участники — { $cluster }</b> ({ $count }):
member-line = • { $name } — { $role }; { $organization }; роли: { $roles }
member-menu = Что сделать с участником?
member-remove = Исключить
member-removed = { $name } исключён(а) из кластера.
member-role-changed = Роль участника { $name } изменена: { $role }.
error-cannot-demote-self = Нельзя снять с себя роль координатора — попросите другого координатора или администратора.
error-cannot-remove-self = Нельзя исключить самого себя.

bind-done = Группа привязана к кластеру «{ $cluster }». Сюда будут приходить еженедельные сводки.

## The executor's side

my-title = <b>Ваши пункты плана</b> ({ $count }):
my-empty = Открытых пунктов нет. 🎉
my-group-overdue = 🔴 <b>Просрочено</b>
my-group-week = 🟡 <b>На этой неделе</b>
my-group-later = 🟢 <b>Позже</b>
my-line = <b>{ $number }</b>. { $text } — { $due }{ $returned }
my-returned = {" "}↩️ возвращено на доработку
my-page = Страница { $page } из { $pages }
my-button-done = ✅ { $number }
my-button-more = ℹ️ { $number }
due-overdue = срок { $date }, просрочено на { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
due-today = срок сегодня, { $date }
due-in = срок { $date } (через { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
})

assignment-card = <b>Пункт { $number }</b> · { $cluster }
    { $text }
    Срок: { $due } (в плане: «{ $phrase }»)
    Отвечает: { $organization } ({ $role })
    Ожидаемый результат: { $result }
    Состояние: { $status }
button-done = ✅ Выполнено
button-note = 💬 Комментарий
button-file = 📎 Файл
button-move = ⏰ Перенести срок
status-open = в работе
status-submitted = отчёт на проверке
status-accepted = принято
status-returned = возвращено на доработку
status-cancelled = отменено

report-ask-done = Пункт { $number }: { $text }
    Напишите, что сделано, и приложите файлы (документы, фото). Когда всё готово — нажмите «Отправить». Комментарий можно не писать.
report-ask-note = Пункт { $number }: { $text }
    Напишите, как идёт работа (пункт останется открытым), и нажмите «Отправить».
report-ask-file = Пункт { $number }: { $text }
    Пришлите файлы (документы, фото), затем нажмите «Отправить».
report-ask-result = Ожидаемый результат по плану: «{ $result }» — приложите его, пожалуйста.
report-send = 📨 Отправить
report-cancel = Отмена
report-collected = Принято. Файлов: { $files }. Добавьте ещё или нажмите «Отправить».
report-empty = Сначала напишите комментарий или пришлите файл.
report-too-many-files = К одному отчёту можно приложить не больше { $limit } файлов.
report-sent-done = Отчёт отправлен координатору. Когда он примет или вернёт его, я сообщу.
report-sent-note = Комментарий сохранён.
report-sent-file = Файлы сохранены.
done-usage = Напишите номер пункта и, если нужно, комментарий: /done 2.3 Провели встречу, протокол № 5 от 12.03
done-accepted = Отметил пункт { $number } как выполненный и отправил отчёт координатору.
error-no-open-item = У вас нет открытого пункта { $number }. Список ваших пунктов — /my.
error-assignment-not-found = Этот пункт не найден или уже недоступен.
error-not-your-assignment = Отчитаться по этому пункту может только его исполнитель или координатор.
error-already-reported = По этому пункту отчёт уже отправлен — дождитесь решения координатора.
error-stale-button = Эта кнопка устарела. Откройте список заново: /my.

extension-ask-date = Пункт { $number }, текущий срок { $due }. Напишите новую дату, например «до 15.05.2022» или «июнь».
extension-ask-reason = Новый срок: { $due }. Напишите причину переноса.
extension-sent = Просьба перенести срок на { $due } отправлена координатору.
error-extension-not-later = Новый срок должен быть позже текущего ({ $due }).
error-extension-reason = Напишите причину переноса — хотя бы несколько слов.

## The coordinator's side

notify-start-link = { $mention }, у меня есть для вас сообщение по плану работы, но вы ещё не открывали чат со мной. Откройте его и нажмите «Запустить»: { $link }
notify-report = 📝 <b>Отчёт по пункту { $number }</b> · { $cluster }
    { $text }
    От: { $name } ({ $organization })
    Комментарий: { $comment }
    Файлов: { $files }
notify-extension-request = ⏰ <b>Просьба перенести срок пункта { $number }</b>
    { $text }
    От: { $name } ({ $organization })
    Срок: { $old } → { $new }
    Причина: { $reason }
notify-accepted = ✅ Отчёт по пункту { $number } принят. Спасибо!
notify-returned = ↩️ Отчёт по пункту { $number } возвращён на доработку.
    Причина: { $reason }
    Откройте /my, чтобы отчитаться снова.
notify-extension-approved = ⏰ Перенос срока пункта { $number } согласован: новый срок { $new }.
notify-extension-rejected = ⏰ Перенос срока пункта { $number } не согласован, срок прежний.
button-accept = ✅ Принять
button-return = ↩️ Вернуть на доработку
button-approve = ✅ Согласовать
button-reject = ✖️ Отклонить
decision-accepted = Отчёт принят, исполнитель получит уведомление.
decision-ask-reason = Напишите, что нужно доработать, — исполнитель получит ваш комментарий.
decision-returned = Отчёт возвращён на доработку, исполнитель получит ваш комментарий.
decision-extension-approved = Перенос срока согласован.
decision-extension-rejected = Перенос срока отклонён.
error-already-decided = Решение по этому отчёту уже принято.
error-return-reason = Напишите, что нужно доработать.
error-close-reason = Укажите причину.

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
card-report = {"  "}— { $kind } { $at }, { $name }: { $text } (файлов: { $files })
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
