## /settings: a cluster's reminder policy, changed with buttons

cmd-settings = Настройки напоминаний кластера
settings-not-coordinator = Настройки напоминаний меняет координатор кластера. Что и когда я напомню вам — /reminders.
settings-choose-cluster = Настройки напоминаний какого кластера открыть?
settings-title = <b>Напоминания — { $cluster }</b>
settings-zone = время кластера: { $name }, { $offset }
settings-zone-moscow = московское время
settings-list = { $head } и { $last }
settings-when-days-and-day = за { $days } { $last ->
    [one] день
    [few] дня
   *[many] дней
} до срока и в день срока
settings-when-days = за { $days } { $last ->
    [one] день
    [few] дня
   *[many] дней
} до срока
settings-when-day = в день срока
settings-executors = Напоминания исполнителям: { $when }, в { $hour } ({ $zone }).
settings-executors-off = Напоминания исполнителям до срока выключены.
settings-overdue = После срока: { $every ->
    [one] каждый рабочий день
    [few] каждые { $every } рабочих дня
   *[many] каждые { $every } рабочих дней
}, не более { $times ->
    [one] { $times } раза
   *[other] { $times } раз
}.
settings-overdue-once = После срока: один раз, через { $every ->
    [one] { $every } рабочий день
    [few] { $every } рабочих дня
   *[many] { $every } рабочих дней
}.
settings-overdue-off = После срока: не напоминаю.
settings-checkin = Пункты «в течение года»: раз в месяц, в первый рабочий день.
settings-checkin-off = Пункты «в течение года»: без ежемесячных напоминаний.
settings-coordinators = Координаторам: { $phrases }.
settings-escalation = о просрочке через { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
settings-escalation-off = о просрочке не сообщаю
settings-awaiting = об отчётах, ждущих решения, через { $days ->
    [one] { $days } рабочий день
    [few] { $days } рабочих дня
   *[many] { $days } рабочих дней
}
settings-undated = о пунктах без срока — по понедельникам
settings-undated-off = о пунктах без срока не напоминаю
settings-quiet = Тихие часы: { $start }–{ $end } — напоминаний нет, уведомления о событиях приходят без звука.
settings-days-off = Выходные и праздники: напоминание приходит в предыдущий рабочий день, срок не меняется.
settings-is-default = Действуют настройки по умолчанию.
settings-is-changed = Настройки кластера изменены; вернуть настройки по умолчанию — кнопка «↩️ По умолчанию».
settings-hint = Чтобы изменить настройку, нажмите на неё:

settings-key-days-before = 📅 Дни до срока
settings-key-on-the-day = 📌 В день срока
settings-key-hour = 🕘 Время
settings-key-overdue-every = 🔁 Повтор после срока
settings-key-overdue-times = 🔢 Сколько раз
settings-key-checkin-monthly = 🗓 «В течение года»
settings-key-escalate-after = 📣 О просрочке
settings-key-awaiting-after = 📨 Отчёты ждут решения
settings-key-undated-weekly = ❔ Пункты без срока
settings-key-quiet-start = 🌙 Тихие часы с
settings-key-quiet-end = ☀️ Тихие часы до
settings-button-reset = ↩️ По умолчанию
settings-button-back = ⬅️ Назад
settings-button-done = ⬅️ Готово

settings-pick-title = <b>{ $setting }</b> · { $cluster }
settings-about-days-before = За сколько дней до срока напоминать исполнителям. Можно выбрать несколько дней; нажмите ещё раз, чтобы убрать.
settings-about-on-the-day = Напоминать ли исполнителям в сам день срока.
settings-about-hour = В котором часу по времени кластера приходит утренняя сводка.
settings-about-overdue-every = Через сколько рабочих дней повторять напоминание, если срок прошёл, а отчёта нет.
settings-about-overdue-times = Сколько раз напомнить после срока.
settings-about-checkin-monthly = Пункты «в течение года»: спрашивать исполнителей о ходе работы в первый рабочий день месяца.
settings-about-escalate-after = Через сколько дней просрочки сообщить координаторам.
settings-about-awaiting-after = Через сколько рабочих дней напомнить координаторам об отчёте, который ждёт решения.
settings-about-undated-weekly = Напоминать координаторам по понедельникам о пунктах, у которых нет даты срока.
settings-about-quiet-start = С какого часа напоминания не приходят.
settings-about-quiet-end = До какого часа напоминания не приходят.
settings-now = Сейчас: { $value }.

settings-value-on = Да
settings-value-off = Нет
settings-value-never = не напоминать
settings-value-none = не напоминать до срока
settings-value-days-before = за { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
settings-value-days-list = за { $days } { $last ->
    [one] день
    [few] дня
   *[many] дней
}
settings-value-workdays = { $days ->
    [one] { $days } рабочий день
    [few] { $days } рабочих дня
   *[many] { $days } рабочих дней
}
settings-value-times = { $times ->
    [one] { $times } раз
    [few] { $times } раза
   *[many] { $times } раз
}
settings-value-after-days = через { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}

settings-saved = ✅ Сохранено: { $setting } — { $value }.
settings-reset-done = ✅ Восстановлены настройки по умолчанию.
settings-already-default = Уже действуют настройки по умолчанию.
settings-conflict = Так не получится: сводка пришла бы в тихие часы. Выберите другое время или сначала измените тихие часы.

## /settings: the weekly summary and the cluster's colours

settings-summary = Итоги недели: { $weekday } в { $hour } ({ $zone }), { $where }.
settings-summary-group = в группу кластера
settings-summary-private = координаторам лично (группа не привязана)
settings-weekday = { $day ->
    [1] понедельник
    [2] вторник
    [3] среда
    [4] четверг
    [5] пятница
    [6] суббота
   *[7] воскресенье
}
settings-colours = Цвета диаграммы и выгрузок: { $name }.
settings-colours-navy = синие (по умолчанию)
settings-colours-green = зелёные
settings-colours-burgundy = бордовые
settings-colours-teal = бирюзовые
settings-colours-graphite = графитовые
settings-colours-own = свои цвета кластера
settings-key-summary-weekday = 📰 День итогов
settings-key-summary-hour = 🕘 Час итогов
settings-key-colours = 🎨 Цвета
settings-about-summary-weekday = В какой день недели присылать итоги недели: в группу кластера, а если группа не привязана — координаторам.
settings-about-summary-hour = В котором часу по времени кластера присылать итоги недели.
settings-about-colours = Цвета диаграммы в итогах недели и выгрузок плана. Все варианты контрастные и хорошо читаются.
