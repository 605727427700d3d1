## Console messages of the `workplan` command

cli-no-token = Не задан токен бота: получите его у @BotFather в Telegram (команда /newbot) и передайте в переменной окружения WORKPLAN_TELEGRAM__TOKEN (или BOT_TOKEN).
cli-config-error = Ошибка в настройке «{ $key }»: { $problem }. Исправьте config.toml или переменную окружения WORKPLAN_…
cli-unknown-command = Неизвестная команда. Список команд: workplan --help
cli-db-revision = Версия схемы базы данных: { $revision } (последняя: { $head }).
cli-invite-bad-numbers = Срок действия и число использований должны быть положительными.
cli-invite-note = Ссылка действует { $hours ->
    [one] { $hours } час
    [few] { $hours } часа
   *[many] { $hours } часов
} (до { $expires }, UTC), { $uses ->
    [one] для { $uses } человека
   *[other] для { $uses } человек
}. Откройте её в Telegram.
cli-import-unreadable = Не удалось открыть файл { $path }: { $problem }
cli-import-other-cluster = Похоже, это план другого кластера: в заголовке — «{ $named }», а импорт идёт в «{ $cluster }». Ничего не сохранено; чтобы всё равно импортировать, добавьте --yes.
cli-import-new-cluster = Кластера «{ $cluster }» ещё нет: он будет создан при импорте.
cli-import-cluster-created = Создан кластер «{ $cluster }» (часовой пояс: { $timezone }).
cli-db-unavailable = Не удалось открыть базу данных { $url }: { $problem }. Проверьте настройку database.url.
cli-telegram-unavailable = Не удалось связаться с Telegram ({ $url }): { $problem }. Проверьте подключение к интернету и настройку telegram.api_url.
cli-token-refused = Telegram не принял токен бота. Проверьте переменную окружения WORKPLAN_TELEGRAM__TOKEN: токен выдаёт @BotFather (команда /token).
cli-telegram-error = Telegram отказал в запросе при запуске: { $problem }
cli-run-failed = Бот не запустился: { $problem }
cli-import-dry-run-old-schema = Схема базы данных устарела (версия { $revision }), а пробный импорт ничего в базе не меняет. Сначала выполните: workplan db upgrade

cli-reminders-bad-date = Дата «{ $value }» не распознана. Укажите её так: 2022-03-28.
cli-reminders-no-database = База данных ещё не создана: напоминать пока некому. Сначала выполните: workplan db upgrade
cli-reminders-no-cluster = Кластера «{ $cluster }» нет в базе.
cli-reminders-none = { $date }: напоминаний нет (выходной день или ничего не подходит к сроку).
cli-reminders-count = { $date }: { $count ->
    [one] { $count } сообщение
    [few] { $count } сообщения
   *[many] { $count } сообщений
}.
cli-reminders-to = → { $person } (Telegram id { $telegram_id }), в { $time } ({ $timezone }):
