## The daily digests (reminders)

digest-title = 🔔 <b>Deadline reminder</b> · { $cluster }, { $date }
digest-coordinator-title = 📋 <b>Coordinator's summary</b> · { $cluster }, { $date }
digest-missed = <i>The bot was unavailable and reminders for the past days did not come — below is everything that still matters.</i>
digest-continued = <i>(continued)</i>
digest-part = Part { $part } of { $parts }.

digest-group-overdue = 🔴 <b>Overdue</b> ({ $count })
digest-group-due_today = 🟠 <b>Due today</b> ({ $count })
digest-group-before = 🟡 <b>Due soon</b> ({ $count })
digest-group-checkin = 🔵 <b>Running through the period</b> ({ $count }) — how is it going?
digest-group-escalation = 🔴 <b>Executors are late</b> ({ $count })
digest-group-awaiting_decision = 📥 <b>Reports waiting for your decision</b> ({ $count })
digest-group-undated = 📅 <b>Items without a deadline</b> ({ $count }) — set a date so that the bot reminds the executors

digest-of = {" "}· { $organization }
digest-line = • <b>{ $number }</b>. { $text }{ $who } — { $due }
digest-line-checkin = • <b>{ $number }</b>. { $text }{ $who } — until { $date }
digest-line-awaiting = • <b>{ $number }</b>. { $text }{ $who }
digest-line-undated = • <b>{ $number }</b>. { $text }

digest-hint-one = When the item is done, press «✅ Done» or simply reply to this message with your report.
digest-hint-many = When an item is done, press «✅» with its number. «ℹ️» opens details, comments, files and deadline moves.
digest-coordinator-hint = Open an item with the button carrying its number.

digest-button-info = ℹ️ Details
digest-button-snooze = ⏰ Remind me tomorrow
digest-button-snooze-short = ⏰ { $number } tomorrow
digest-button-card = 📋 { $number }
digest-button-set-date = 📅 { $number }
reminders-snooze-not-yours = Only the item's executor can put its reminder off.
