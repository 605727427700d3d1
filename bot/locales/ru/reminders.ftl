## /reminders and «⏰ Напомнить завтра»

cmd-reminders = Когда и о чём я напомню
reminders-title = <b>Напоминания</b>
    Я присылаю одну сводку в рабочий день, утром. Вот о чём и когда напомню:
reminders-empty = Открытых пунктов у вас нет — напоминать пока не о чем. 🎉
    Ваши пункты плана — /my.
reminders-none-own = Открытых пунктов у вас нет.
reminders-cluster = <b>{ $cluster }</b>
reminders-cluster-zone = <b>{ $cluster }</b> ({ $zone })
reminders-line = • <b>{ $number }</b> { $text } — срок { $due }; { $next }
reminders-next = напомню { $date } в { $time }
reminders-next-none = напоминаний больше не будет
reminders-snoozed = отложено до { $until }, { $next }
reminders-coordinator = Вам как координатору «{ $cluster }» — отдельная сводка в { $hour } ({ $zone }): { $phrases }.
reminders-hint = Отложить напоминание на рабочий день — кнопка «⏰ Напомнить завтра» в сводке; срок пункта при этом не меняется. Все пункты — /my.
reminders-snooze-done = Напомню { $date }. Срок пункта не меняется.
reminders-snooze-closed = По этому пункту напоминаний больше нет: отчёт уже отправлен или пункт закрыт.
