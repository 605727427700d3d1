## The weekly summary: the post in the group, /summary, «Details»

cmd-summary = The cluster's week in summary
summary-title = <b>📰 Week in summary · { $cluster }</b>
summary-week = Week { $start }–{ $end }, as of { $date }
summary-progress = Done { $done } of { $total } assignments ({ $share }%).
summary-on-time = On time: { $share }% of what is done.
summary-overdue-count = Overdue now: { $count } { $count ->
    [one] assignment
   *[other] assignments
}.
summary-overdue-none = Nothing is overdue.
summary-no-dates = The plan has no items with deadlines yet.
summary-overdue-title = <b>⚠️ Overdue items: { $count }</b>
summary-overdue-line = • <b>{ $number }</b> { $text }{ $who } — { $days ->
    [one] { $days } day
   *[other] { $days } days
} (due { $date })
summary-due-title = <b>📅 Items due this week: { $count }</b>
summary-due-next-title = <b>🗓 Items due next week: { $count }</b>
summary-due-line = • <b>{ $number }</b> { $text }{ $who } — by { $date }
summary-done-title = <b>✅ Done last week: { $count }</b>
summary-done-line = • <b>{ $number }</b> { $text }{ $who }, { $date }
summary-done-none = No done reports last week.
summary-undated-title = <b>❔ Items with no deadline: { $count }</b>
summary-undated-line = • <b>{ $number }</b> { $text }
summary-indicators-title = <b>📊 Indicators: { $count }</b>
summary-indicator-line = • <b>{ $number }</b> { $text }{ $year } — target { $target }, actual { $actual }
summary-indicator-year = , { $year }
summary-no-value = no data
summary-unreachable-title = <b>📵 The bot cannot reach: { $count }</b>
summary-unreachable-line = • { $person }{ $who }
summary-more = … and { $count ->
    [one] { $count } more item
   *[other] { $count } more items
}
summary-empty = The plan of «{ $cluster }» has no items yet — nothing to sum up.
summary-button-more = 📋 Details
summary-full-title = <b>📋 Full lists</b>
summary-caption = 📊 { $cluster }: { $done } of { $total } done as of { $date }
summary-chart-title-college = Progress by college
summary-chart-title-section = Progress by section
summary-chart-done = done
summary-chart-overdue = overdue
summary-chart-rest = ahead
summary-chart-more = and { $count } more — in the full list
summary-choose-cluster = Which cluster's summary?
summary-not-allowed = The weekly summary is for the cluster's coordinators and observers.
summary-sent-privately = I have sent you the full lists in a private chat.
summary-open-private = To get the full lists, open a chat with the bot (/start) and press the button again.
