## /stats: discipline of a cluster and the clusters side by side

cmd-stats = Plan statistics
stats-not-allowed = Statistics are for the cluster's coordinators and observers. Your items are in /my.
stats-overview-not-allowed = The overview of clusters is for observers and administrators.
stats-no-such-cluster = No cluster «{ $name }» among yours. Send /stats without a name to see the list.
stats-choose = <b>Statistics</b>. Choose a cluster:
stats-choose-more = The first { $shown } of { $count } are shown. For the others send /stats with part of the name.
stats-button-overview = 🗺 Overview of clusters

stats-title = 📊 <b>Statistics — { $cluster }</b> as of { $today }
stats-items = Plan items: { $count }
stats-total = <b>Total:</b> { $tally }
stats-empty = No assignments yet: import the plan and invite the executors.
stats-colleges = <b>By college</b>
stats-people = <b>By person</b>
stats-shared = Shared items (no college)
stats-party = • <b>{ $name }</b>: { $tally }
stats-person = { $name }
stats-person-of = { $name }, { $organization }
stats-legend = <i>Done — the report was accepted; on time — the accepted report was sent by the deadline; overdue — the deadline has passed with no report or a returned one.</i>

stats-none = —
stats-percent = { $value }%
stats-assigned = assigned { $count }
stats-done = done { $count }, on time { $on_time }
stats-done-none = nothing done yet
stats-overdue = overdue { $count }
stats-delay = late on average by { $days ->
    [one] { $days } day
   *[other] { $days } days
}
stats-returned = returned for rework { $count ->
    [one] once
   *[other] { $count } times
}

stats-overview-title = 🗺 <b>Overview of clusters</b> as of { $today }: { $count ->
    [one] { $count } cluster
   *[other] { $count } clusters
}, { $order }
stats-order-overdue = by the share overdue
stats-order-name = by name
stats-overview-empty = No clusters available yet.
stats-overview-row = { $number }. <b>{ $cluster }</b> ({ $region })
    items: { $items } · assignments: { $assigned } · done: { $done } · on time: { $on_time } · overdue: { $overdue } ({ $overdue_count })
stats-sort-overdue = by overdue
stats-sort-name = by name
stats-sort-current = • { $label }
