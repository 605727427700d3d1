## Clusters, invites, members

choose-cluster = Choose the cluster:
cluster-ask-name = What is the cluster called? For example: "Transport educational cluster".
cluster-ask-region = Which region does the cluster work in?
cluster-ask-timezone = Choose the cluster's time zone — reminders follow it:
cluster-created = Cluster "{ $name }" created (time zone: { $timezone }). Invite a coordinator with /invite.
error-admin-only = Only a bot administrator can do this.
error-cluster-name = A cluster name takes 3 to 300 characters.
error-cluster-exists = Cluster "{ $name }" already exists.
error-timezone = Unknown time zone: { $value }.
error-no-clusters = You are not in any cluster yet. Ask a coordinator for an invite.

invite-ask-role = Invite with which role?
invite-ask-organization = Type the organization (college, company) the invitee works for — or press "No organization".
invite-no-organization = No organization
invite-ask-plan-roles = Tick the plan roles the invitee will answer for, then press "Done":
invite-roles-done = Done
invite-created = Invite created: { $role }.
    Plan roles: { $roles }
    Valid until { $expires } (UTC), { $uses ->
        [one] for { $uses } person
       *[other] for { $uses } people
    }.

    Forward this link to the invitee:
    { $link }
invites-title = <b>Active invites — { $cluster }</b>: { $count }
invite-line = #{ $id } — { $role }, until { $expires }, used { $used } of { $uses }
invite-revoke-button = Revoke #{ $id }
invite-revoked-done = Invite #{ $id } revoked.

join-ask-name = You are invited to a cluster as "{ $role }". Please type your full name — the coordinator and colleagues will see it.
join-keep-name = Keep "{ $name }"
join-bad-name = Type your full name (3 to 300 characters).
join-ask-organization = Which organization do you represent? Type its name.
join-ask-position = Your position? For example: "director". You may skip it.
join-skip = Skip
join-done = Welcome to "{ $cluster }"! Your role: { $role }, organization: { $organization }.
    Your plan items — /my, the whole plan — /plan.

members-title = <b>Members — { $cluster }</b> ({ $count }):
member-line = • { $name } — { $role }; { $organization }; roles: { $roles }
member-menu = What to do with this member?
member-remove = Remove
member-removed = { $name } was removed from the cluster.
member-role-changed = { $name }'s role changed: { $role }.
error-cannot-demote-self = You cannot drop your own coordinator role — ask another coordinator or an administrator.
error-cannot-remove-self = You cannot remove yourself.

bind-done = The group is bound to cluster "{ $cluster }". Weekly summaries will come here.

## The executor's side

my-title = <b>Your plan items</b> ({ $count }):
my-empty = No open items. 🎉
my-group-overdue = 🔴 <b>Overdue</b>
my-group-week = 🟡 <b>This week</b>
my-group-later = 🟢 <b>Later</b>
my-line = <b>{ $number }</b>. { $text } — { $due }{ $returned }
my-returned = {" "}↩️ returned for rework
my-page = Page { $page } of { $pages }
my-button-done = ✅ { $number }
my-button-more = ℹ️ { $number }
due-overdue = due { $date }, overdue by { $days ->
    [one] { $days } day
   *[other] { $days } days
}
due-today = due today, { $date }
due-in = due { $date } (in { $days ->
    [one] { $days } day
   *[other] { $days } days
})

assignment-card = <b>Item { $number }</b> · { $cluster }
    { $text }
    Due: { $due } (the plan says "{ $phrase }")
    Answering: { $organization } ({ $role })
    Expected result: { $result }
    State: { $status }
button-done = ✅ Done
button-note = 💬 Comment
button-file = 📎 File
button-move = ⏰ Move deadline
status-open = in progress
status-submitted = report under review
status-accepted = accepted
status-returned = returned for rework
status-cancelled = cancelled

report-ask-done = Item { $number }: { $text }
    Write what was done and attach files (documents, photos). Press "Send" when ready. A comment is optional.
report-ask-note = Item { $number }: { $text }
    Write how the work goes (the item stays open) and press "Send".
report-ask-file = Item { $number }: { $text }
    Send the files (documents, photos), then press "Send".
report-ask-result = The plan expects: "{ $result }" — please attach it.
report-send = 📨 Send
report-cancel = Cancel
report-collected = Got it. Files: { $files }. Add more or press "Send".
report-empty = Write a comment or send a file first.
report-too-many-files = A report takes at most { $limit } files.
report-sent-done = The report went to the coordinator. I will tell you when it is accepted or returned.
report-sent-note = Comment saved.
report-sent-file = Files saved.
done-usage = Type the item number and, if you like, a comment: /done 2.3 Meeting held, minutes No. 5 of 12.03
done-accepted = Item { $number } is marked done and the report went to the coordinator.
error-no-open-item = You have no open item { $number }. Your items: /my.
error-assignment-not-found = This item was not found or is no longer available.
error-not-your-assignment = Only the item's executor or a coordinator can report on it.
error-already-reported = A report on this item has already been sent — wait for the coordinator's decision.
error-stale-button = This button is out of date. Open the list again: /my.

extension-ask-date = Item { $number }, due { $due }. Type the new date, e.g. «до 15.05.2022» or «июнь».
extension-ask-reason = New deadline: { $due }. Type the reason.
extension-sent = The request to move the deadline to { $due } went to the coordinator.
error-extension-not-later = The new deadline must be later than the current one ({ $due }).
error-extension-reason = Please give a reason — a few words at least.

## The coordinator's side

notify-start-link = { $mention }, I have a message about the work plan for you, but you have not opened a chat with me yet. Open it and press "Start": { $link }
notify-report = 📝 <b>Report on item { $number }</b> · { $cluster }
    { $text }
    From: { $name } ({ $organization })
    Comment: { $comment }
    Files: { $files }
notify-extension-request = ⏰ <b>Request to move item { $number }</b>
    { $text }
    From: { $name } ({ $organization })
    Deadline: { $old } → { $new }
    Reason: { $reason }
notify-accepted = ✅ Your report on item { $number } is accepted. Thank you!
notify-returned = ↩️ Your report on item { $number } was returned for rework.
    Reason: { $reason }
    Open /my to report again.
notify-extension-approved = ⏰ Moving item { $number } is approved: the new deadline is { $new }.
notify-extension-rejected = ⏰ Moving item { $number } was not approved; the deadline stays.
button-accept = ✅ Accept
button-return = ↩️ Return for rework
button-approve = ✅ Approve
button-reject = ✖️ Reject
decision-accepted = Report accepted; the executor will be notified.
decision-ask-reason = Write what needs rework — the executor will get your comment.
decision-returned = Report returned for rework; the executor will get your comment.
decision-extension-approved = The new deadline is approved.
decision-extension-rejected = The request was rejected.
error-already-decided = This report has already been decided.
error-return-reason = Write what needs rework.
error-close-reason = Please give a reason.

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
card-report = {"  "}— { $kind } { $at }, { $name }: { $text } (files: { $files })
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
