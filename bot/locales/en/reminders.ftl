## /reminders and «⏰ Remind me tomorrow»

cmd-reminders = What I will remind you of, and when
reminders-title = <b>Reminders</b>
    I send one digest each working day, in the morning. Here is what I will remind you of and when:
reminders-empty = You have no open items — nothing to remind you of yet. 🎉
    Your plan items: /my.
reminders-none-own = You have no open items.
reminders-cluster = <b>{ $cluster }</b>
reminders-cluster-zone = <b>{ $cluster }</b> ({ $zone })
reminders-line = • <b>{ $number }</b> { $text } — due { $due }; { $next }
reminders-next = I will remind you on { $date } at { $time }
reminders-next-none = no more reminders
reminders-snoozed = snoozed until { $until }, { $next }
reminders-coordinator = As a coordinator of "{ $cluster }" you get a separate digest at { $hour } ({ $zone }): { $phrases }.
reminders-hint = To put a reminder off by a working day, press «⏰ Remind me tomorrow» in the digest; the due date stays. All your items: /my.
reminders-snooze-done = I will remind you on { $date }. The due date stays.
reminders-snooze-closed = No more reminders for this item: a report has been sent or the item is closed.
