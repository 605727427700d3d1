## Console messages of the `workplan` command

cli-no-token = The bot token is not set: get one from @BotFather in Telegram (/newbot) and pass it in the WORKPLAN_TELEGRAM__TOKEN (or BOT_TOKEN) environment variable.
cli-config-error = Setting "{ $key }" is wrong: { $problem }. Fix config.toml or the WORKPLAN_… environment variable.
cli-unknown-command = Unknown command. See: workplan --help
cli-db-revision = Database schema revision: { $revision } (latest: { $head }).
cli-invite-bad-numbers = Validity and number of uses must be positive.
cli-invite-note = The link is valid for { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
} (until { $expires }, UTC), { $uses ->
    [one] for { $uses } person
   *[other] for { $uses } people
}. Open it in Telegram.
cli-import-unreadable = Could not open { $path }: { $problem }
cli-import-other-cluster = This looks like another cluster's plan: the title says "{ $named }", but it is being imported into "{ $cluster }". Nothing was stored; to import it anyway, add --yes.
cli-import-new-cluster = There is no cluster "{ $cluster }" yet: the import will create it.
cli-import-cluster-created = Created the cluster "{ $cluster }" (time zone: { $timezone }).
cli-db-unavailable = Could not open the database { $url }: { $problem }. Check the database.url setting.
cli-telegram-unavailable = Could not reach Telegram ({ $url }): { $problem }. Check the internet connection and the telegram.api_url setting.
cli-token-refused = Telegram did not accept the bot token. Check the WORKPLAN_TELEGRAM__TOKEN environment variable: @BotFather issues the token (/token).
cli-telegram-error = Telegram refused a start-up request: { $problem }
cli-run-failed = The bot did not start: { $problem }
cli-import-dry-run-old-schema = The database schema is out of date (revision { $revision }), and a dry run changes nothing in the database. Run first: workplan db upgrade

cli-reminders-bad-date = The date «{ $value }» is not understood. Write it as 2022-03-28.
cli-reminders-no-database = The database is not created yet: there is nobody to remind. First run: workplan db upgrade
cli-reminders-no-cluster = There is no cluster «{ $cluster }» in the database.
cli-reminders-none = { $date }: no reminders (a day off, or nothing is near its deadline).
cli-reminders-count = { $date }: { $count ->
    [one] { $count } message
   *[other] { $count } messages
}.
cli-reminders-to = → { $person } (Telegram id { $telegram_id }), at { $time } ({ $timezone }):
