## /settings: a cluster's reminder policy, changed with buttons

cmd-settings = The cluster's reminder settings
settings-not-coordinator = A cluster's coordinator changes its reminder settings. What I will remind you of and when: /reminders.
settings-choose-cluster = Which cluster's reminder settings do you want to open?
settings-title = <b>Reminders — { $cluster }</b>
settings-zone = cluster time: { $name }, { $offset }
settings-zone-moscow = Moscow time
settings-list = { $head } and { $last }
settings-when-days-and-day = { $days } { $last ->
    [one] day
   *[other] days
} before the due date and on the day
settings-when-days = { $days } { $last ->
    [one] day
   *[other] days
} before the due date
settings-when-day = on the due date
settings-executors = Reminders to executors: { $when }, at { $hour } ({ $zone }).
settings-executors-off = Reminders to executors before the due date are off.
settings-overdue = After the due date: every { $every ->
    [one] working day
   *[other] { $every } working days
}, at most { $times ->
    [one] once
   *[other] { $times } times
}.
settings-overdue-once = After the due date: once, { $every ->
    [one] { $every } working day
   *[other] { $every } working days
} later.
settings-overdue-off = After the due date: no reminders.
settings-checkin = Items running all year: once a month, on the first working day.
settings-checkin-off = Items running all year: no monthly reminders.
settings-coordinators = Coordinators: { $phrases }.
settings-escalation = of an overdue item after { $days ->
    [one] { $days } day
   *[other] { $days } days
}
settings-escalation-off = not told of overdue items
settings-awaiting = of reports awaiting a decision after { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}
settings-undated = of items without a date on Mondays
settings-undated-off = not reminded of items without a date
settings-quiet = Quiet hours: { $start }–{ $end } — no reminders; event notices arrive silently.
settings-days-off = Weekends and holidays: a reminder comes on the working day before; the due date stays.
settings-is-default = The default settings apply.
settings-is-changed = The cluster's settings are changed; to go back, press «↩️ Defaults».
settings-hint = To change a setting, press it:

settings-key-days-before = 📅 Days before
settings-key-on-the-day = 📌 On the due date
settings-key-hour = 🕘 Time
settings-key-overdue-every = 🔁 Repeat when late
settings-key-overdue-times = 🔢 How many times
settings-key-checkin-monthly = 🗓 All-year items
settings-key-escalate-after = 📣 Overdue alert
settings-key-awaiting-after = 📨 Reports awaiting
settings-key-undated-weekly = ❔ Items without a date
settings-key-quiet-start = 🌙 Quiet from
settings-key-quiet-end = ☀️ Quiet until
settings-button-reset = ↩️ Defaults
settings-button-back = ⬅️ Back
settings-button-done = ⬅️ Done

settings-pick-title = <b>{ $setting }</b> · { $cluster }
settings-about-days-before = How many days before the due date executors are reminded. You may choose several; press again to remove one.
settings-about-on-the-day = Whether executors are reminded on the due date itself.
settings-about-hour = The hour (cluster time) of the morning digest.
settings-about-overdue-every = How many working days between reminders once the due date has passed without a report.
settings-about-overdue-times = How many reminders after the due date.
settings-about-checkin-monthly = Items running all year: ask executors how it goes on the first working day of each month.
settings-about-escalate-after = How many days overdue before the coordinators are told.
settings-about-awaiting-after = How many working days a report may wait for a decision before the coordinators are reminded.
settings-about-undated-weekly = Remind the coordinators on Mondays of items without a due date.
settings-about-quiet-start = The hour from which no reminders are sent.
settings-about-quiet-end = The hour until which no reminders are sent.
settings-now = Now: { $value }.

settings-value-on = Yes
settings-value-off = No
settings-value-never = never
settings-value-none = not before the due date
settings-value-days-before = { $days ->
    [one] { $days } day before
   *[other] { $days } days before
}
settings-value-days-list = { $days } { $last ->
    [one] day
   *[other] days
} before
settings-value-workdays = { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}
settings-value-times = { $times ->
    [one] once
   *[other] { $times } times
}
settings-value-after-days = after { $days ->
    [one] { $days } day
   *[other] { $days } days
}

settings-saved = ✅ Saved: { $setting } — { $value }.
settings-reset-done = ✅ The default settings are back.
settings-already-default = The default settings apply already.
settings-conflict = That will not work: the digest would fall in the quiet hours. Choose another time or change the quiet hours first.

## /settings: the weekly summary and the cluster's colours

settings-summary = Week in summary: { $weekday } at { $hour } ({ $zone }), { $where }.
settings-summary-group = to the cluster's group
settings-summary-private = to the coordinators privately (no group bound)
settings-weekday = { $day ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
}
settings-colours = Colours of the chart and the exports: { $name }.
settings-colours-navy = navy (default)
settings-colours-green = green
settings-colours-burgundy = burgundy
settings-colours-teal = teal
settings-colours-graphite = graphite
settings-colours-own = the cluster's own colours
settings-key-summary-weekday = 📰 Summary day
settings-key-summary-hour = 🕘 Summary hour
settings-key-colours = 🎨 Colours
settings-about-summary-weekday = On which day of the week the summary goes: to the cluster's group, or to the coordinators when no group is bound.
settings-about-summary-hour = At which hour (the cluster's time) the summary goes.
settings-about-colours = The colours of the summary's chart and of the exported plan. Every choice has strong contrast and reads well.
