## Plan, item cards, history

plan-title = <b>Plan — { $cluster }</b> ({ $count ->
    [one] { $count } item
   *[other] { $count } items
})
plan-line = { $number }. { $text } — { $state }{ $due }
plan-state-done = ✅ done
plan-state-unassigned = no executors in the bot
plan-state-undated = no deadline date
plan-state-colleges = { $done } of { $total } colleges reported
plan-state-reports = reports: { $done } of { $total }
item-usage = Type the item number: /item 2.3
history-usage = Type the item number: /history 2.3
error-item-number-not-found = Item { $number } was not found in your clusters.
card-title = <b>Item { $number }</b> · { $cluster }
card-executors = Executors: { $executors }
card-deadline = Deadline in the plan: { $phrase }
card-dates = Dates: { $dates }
card-result = Result: { $result }
card-indicator = Indicator: { $text } (actual: { $actual })
card-status = State: { $status }
card-reason = Reason: { $reason }
card-assignments = <b>Executors and reports</b> ({ $count }):
card-assignment = • { $who }, due { $due }: { $status }
card-report = {"  "}— { $kind } { $at }, { $name }: { $text }{ $files }
card-report-files = {" "}({ $count ->
    [one] { $count } file
   *[other] { $count } files
})
card-date-moved = { $due } (was { $original })
card-mode-per-organization = Each college reports separately.
card-mode-shared = One shared report from the executors.
card-button-history = 🕘 History
card-button-per-organization = 🏫 A report from each college
card-button-shared = 👥 One shared report
item-mode-per-organization = Done: each college now reports on item { $number }. Reports already sent are kept.
item-mode-shared = Done: item { $number } now needs one shared report. Reports already sent are kept.
audit-item-mode-per-organization = reports switched: one from each college
audit-item-mode-shared = reports switched: one shared
card-decision = {"    "}{ $decision } { $reason }
card-files-button = 📎 Send the files ({ $count })
card-no-files = No files have been attached to this item yet.
card-file-caption = Item { $number }: { $name } ({ $organization })
item-status-active = in progress
item-status-done = done
item-status-cancelled = taken off control
report-kind-done = completion report
report-kind-progress = progress note
report-kind-comment = files
report-kind-extension_request = request to move the deadline
decision-label-accepted = ✅ accepted
decision-label-returned = ↩️ returned:
decision-label-approved = ✅ move approved
decision-label-rejected = ✖️ move rejected
history-title = <b>History of item { $number }</b>
history-line = { $at } — { $action }
history-line-by = { $at } — { $actor }: { $action }
history-party = { $action } ({ $party })
history-dates = { $action }: { $before } → { $after }
history-reason = { $action }. Reason: "{ $reason }"
history-imported = Created by the import of the plan "{ $title }" on { $date }.
history-empty = No entries yet.
audit-item-changed-by-import = changed by a re-import of the plan
audit-item-removed-by-import = taken off control by a re-import of the plan
audit-item-deadline-set = deadline set
audit-item-done = done: every report accepted
audit-item-closed = closed by a coordinator
audit-item-cancelled = taken off control by a coordinator
audit-report-done = completion report sent
audit-report-progress = progress note added
audit-report-comment = files attached
audit-report-extension-request = moving the deadline requested
audit-report-accepted = report accepted
audit-report-returned = report returned for rework
audit-deadline-moved = deadline moved
audit-deadline-move-rejected = moving the deadline rejected

cmd-my = My plan items
cmd-plan = The cluster's plan
cmd-done = Mark an item done
cmd-item = Item card
cmd-history = Item history
cmd-invite = Invite a member
cmd-invites = Active invites
cmd-members = Cluster members
cmd-newcluster = Create a cluster
cmd-bind = Bind this group to a cluster

## The executor's list and card

my-button-note = 💬
my-button-file = 📎
my-button-move = ⏰
my-button-info = ℹ️
executor-card-title = <b>Item { $number }</b> · { $cluster }
executor-card-due = { $due }; the plan says "{ $phrase }"
executor-card-who = Answering: { $who }
executor-card-who-of = Answering: { $organization } ({ $role })
executor-card-result = Expected result: { $result }
executor-card-status = State: { $status }
executor-card-returned = Reason for the return: { $reason }

## Managing items by hand

card-button-deadline = 📅 Deadline
card-button-executors = 👥 Executors
card-button-close = ✅ Close
card-button-cancel = 🚫 Take off control
item-ask-executors = Item { $number }, executors now: { $executors }.
    Type whom to add, as plans write it, e.g. «Руководители ПОО, ЦОПП».
item-executors-added = Executors of item { $number }: { $executors }.
item-ask-close-reason = Item { $number } will be closed as done. Type the grounds (e.g. "minutes No. 5 of 12.03").
item-ask-cancel-reason = Item { $number } will be taken off control. Type the reason.
item-closed = Item { $number } is closed as done.
item-cancelled = Item { $number } is taken off control.
additem-ask-text = A new item of cluster "{ $cluster }". Type what needs to be done.
additem-ask-executors = Who are the executors? Type as in plans, e.g. «Руководители ПОО» or «Секретарь КС».
additem-ask-deadline = What deadline? E.g. «до 15.05.2022», «II квартал», «ежеквартально».
additem-done = Item { $number } added. Dates: { $dates }.
error-item-text = Type what needs to be done — a few words at least.
error-item-executors = Could not tell who the executors are. Type, for example, «Руководители ПОО».
audit-item-added = added by hand
audit-item-executors-added = executors added
cmd-additem = Add an item by hand
