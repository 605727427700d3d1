## The daily digests (reminders)

digest-title = 🔔 <b>Напоминание о сроках</b> · { $cluster }, { $date }
digest-coordinator-title = 📋 <b>Сводка для координатора</b> · { $cluster }, { $date }
digest-missed = <i>Бот был недоступен, и напоминания за прошлые дни не приходили — ниже всё, что актуально сейчас.</i>
digest-continued = <i>(продолжение)</i>
digest-part = Часть { $part } из { $parts }.

digest-group-overdue = 🔴 <b>Просрочено</b> ({ $count })
digest-group-due_today = 🟠 <b>Срок сегодня</b> ({ $count })
digest-group-before = 🟡 <b>Скоро срок</b> ({ $count })
digest-group-checkin = 🔵 <b>Выполняется в течение периода</b> ({ $count }) — как продвигается работа?
digest-group-escalation = 🔴 <b>Исполнители просрочили срок</b> ({ $count })
digest-group-awaiting_decision = 📥 <b>Отчёты ждут вашего решения</b> ({ $count })
digest-group-undated = 📅 <b>Пункты без срока</b> ({ $count }) — укажите срок, чтобы бот напоминал исполнителям

digest-of = {" "}· { $organization }
digest-line = • <b>{ $number }</b>. { $text }{ $who } — { $due }
digest-line-checkin = • <b>{ $number }</b>. { $text }{ $who } — до { $date }
digest-line-awaiting = • <b>{ $number }</b>. { $text }{ $who }
digest-line-undated = • <b>{ $number }</b>. { $text }

digest-hint-one = Когда пункт выполнен, нажмите «✅ Выполнено» или просто ответьте на это сообщение текстом отчёта.
digest-hint-many = Когда пункт выполнен, нажмите «✅» с его номером. «ℹ️» — подробности, комментарий, файлы и перенос срока.
digest-coordinator-hint = Откройте пункт кнопкой с его номером.

digest-button-info = ℹ️ Подробнее
digest-button-snooze = ⏰ Напомнить завтра
digest-button-snooze-short = ⏰ { $number } завтра
digest-button-card = 📋 { $number }
digest-button-set-date = 📅 { $number }
reminders-snooze-not-yours = Отложить напоминание может только исполнитель этого пункта.
