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
report-collected = { $files ->
    [0] Комментарий записан.
    [one] Принято: { $files } файл{ $words ->
        [0] {""}
       *[other] {" "}и комментарий
    }.
    [few] Принято: { $files } файла{ $words ->
        [0] {""}
       *[other] {" "}и комментарий
    }.
   *[many] Принято: { $files } файлов{ $words ->
        [0] {""}
       *[other] {" "}и комментарий
    }.
} Добавьте ещё или нажмите «📨 Отправить».
report-empty = Сначала напишите комментарий или пришлите файл.
report-empty-file = Сначала пришлите файл — документ или фото.
report-text-too-long = Комментарий получается слишком длинным: в отчёт помещается { $limit } символов, осталось { $left }. Это сообщение не добавлено — сократите его или приложите текст файлом.
report-kept-as-note = Коллега уже отправил отчёт по этому пункту, он на проверке у координатора. Ваш комментарий и файлы сохранены в карточке пункта как дополнение — ничего не потеряно.
report-cancelled = Отчёт не отправлен, черновик удалён.
report-too-many-files = К одному отчёту можно приложить не больше { $limit } файлов.
report-sent-done = Отчёт отправлен координатору. Когда он примет или вернёт его, я сообщу.
report-sent-note = Комментарий сохранён.
report-sent-file = Файлы сохранены.
done-usage = Напишите номер пункта и, если нужно, комментарий: /done 2.3 Провели встречу, протокол № 5 от 12.03
done-accepted = Отметил пункт { $number } как выполненный и отправил отчёт координатору.
error-no-open-item = У вас нет открытого пункта { $number }. Список ваших пунктов — /my.
error-assignment-not-found = Этот пункт не найден или уже недоступен.
error-not-your-assignment = Отчитаться по этому пункту может только его исполнитель или координатор.
error-already-reported = По пункту { $number } отчёт уже отправлен и ждёт решения координатора. Добавить комментарий или файл можно кнопками «💬 Комментарий» и «📎 Файл».
error-already-accepted = Отчёт по пункту { $number } уже принят — отчитываться снова не нужно.
error-assignment-cancelled = Пункт { $number } больше не числится за вами.
error-item-done = Пункт { $number } уже выполнен и закрыт.
error-item-cancelled = Пункт { $number } снят с контроля.
error-stale-button = Эта кнопка устарела. Откройте список заново: /my.

extension-ask-date = Пункт { $number }, текущий срок { $due }. Напишите новую дату, например «до 15.05.2022» или «июнь».
extension-ask-reason = Новый срок: { $due }. Напишите причину переноса.
extension-sent = Просьба перенести срок на { $due } отправлена координатору.
error-extension-not-later = Новый срок должен быть позже текущего ({ $due }).
error-extension-reason = Напишите причину переноса — хотя бы несколько слов.

## The coordinator's side

notify-start-link = { $mention }, у меня есть для вас сообщение по плану работы, но вы ещё не открывали чат со мной. Откройте его и нажмите «Запустить»: { $link }
notice-someone = исполнитель
notice-author = От: { $name }
notice-author-of = От: { $name } ({ $organization })
notice-files = { $count ->
    [one] Приложен { $count } файл
    [few] Приложено { $count } файла
   *[many] Приложено { $count } файлов
}
notice-comment = Комментарий: { $comment }
notice-comment-cut = Комментарий (начало; полностью — кнопкой «📄 Полностью»): { $comment }
notice-report-title = 📝 <b>Отчёт по пункту { $number }</b> · { $cluster }
    { $text }
notice-report-again = 🔁 Повторный отчёт (попытка { $attempt }). В прошлый раз возвращён: «{ $reason }»
notice-extension-title = ⏰ <b>Просьба перенести срок пункта { $number }</b> · { $cluster }
    { $text }
notice-extension-dates = Срок: { $old } → { $new }
notice-extension-reason = Причина: { $reason }
notice-accepted = ✅ Отчёт по пункту { $number } принят. Спасибо!
    { $text }
notice-returned = ↩️ Отчёт по пункту { $number } возвращён на доработку.
    { $text }
notice-returned-reason = Что доработать: { $reason }
notice-returned-next = Когда будет готово, нажмите «✅ Выполнено» или ответьте на это сообщение.
notice-extension-approved = ⏰ Перенос срока пункта { $number } согласован: новый срок { $new }.
notice-extension-rejected = ⏰ Перенос срока пункта { $number } не согласован, срок прежний: { $due }.
button-accept = ✅ Принять
button-return = ↩️ Вернуть на доработку
button-approve = ✅ Согласовать
button-reject = ✖️ Отклонить
button-card = 📋 Карточка пункта
button-more = ℹ️ Подробнее
button-report-files = 📎 Файлы отчёта ({ $count })
report-file-caption = Файл отчёта по пункту { $number }
report-no-files = К этому отчёту не приложено файлов.
decision-accepted = Отчёт по пункту { $number } принят. Исполнитель получит уведомление.
decision-ask-reason = Напишите, что нужно доработать, — исполнитель получит ваш комментарий.
decision-returned = Отчёт по пункту { $number } возвращён на доработку, исполнитель получит ваш комментарий.
decision-extension-approved = Перенос срока пункта { $number } на { $due } согласован.
decision-extension-rejected = Перенос срока пункта { $number } отклонён, срок прежний.
error-already-decided = Решение по этому отчёту уже принято.
error-return-reason = Напишите, что нужно доработать.
error-close-reason = Укажите причину.
button-full-text = 📄 Полностью
report-full-title = <b>Отчёт по пункту { $number }</b> полностью:
report-full-text = { $text }
report-full-reason = Комментарий координатора: { $reason }
reply-which-item = В этом сообщении несколько пунктов, и по ответу не понять, какой из них выполнен. Нажмите «✅» с номером нужного пункта и отправьте этот текст снова — он станет отчётом.
