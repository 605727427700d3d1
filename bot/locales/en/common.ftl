## /start, /help, /cancel

start-welcome-new = Hello, <b>{ $name }</b>! I am the Workplan bot: I help a cluster's coordination council keep track of its work plan and meeting decisions — I remind about deadlines, collect executors' reports and put together summaries.
start-welcome-back = Hello, <b>{ $name }</b>!
start-admin-granted = Done, <b>{ $name }</b>: you are now an administrator of the Workplan bot.
start-how-to-join = To get started, ask the chair or secretary of your cluster's coordination council for an invite link and open it.
start-memberships = { $count ->
    [one] Your cluster:
   *[other] Your clusters:
}
start-membership-line = • { $cluster } — { $role }
start-admin-hint = You are an administrator: create a cluster with /newcluster, invite a coordinator with /invite.
start-help-hint = Commands: /help.

start-no-plan = The cluster "{ $cluster }" has no work plan yet.

help-title = <b>Commands</b>
help-stranger =
    /start — start
    /help — this help

    To join a cluster, open the invite link from its coordinator.
help-executor =
    /my — your plan items and report buttons
    /done 2.3 text — mark an item done
help-member =
    /plan — the whole plan and its progress
    /item 2.3 — an item's card
    /history 2.3 — an item's history
    /reminders — what I will remind you of, and when
    /cancel — cancel the current action
    /start — your clusters
    /help — this help
help-coordinator =
    <b>For coordinators</b>
    Send me the plan file (DOCX, XLSX or text) — I will load its items.
    /invite — invite a member
    /invites — active invites
    /members — cluster members
    /additem — add an item by hand
    /settings — the cluster's reminder settings
    /summary — the week in summary: done, due, overdue
    /stats — how the plan is being carried out: by college and by person
    /export — the plan with completion marks: Word, Excel, web page
    /bind — send it in the cluster's group to bind the group
help-observer =
    <b>For observers</b>
    /summary — the week in summary: done, due, overdue
    /stats — how the plan is being carried out, and the overview of clusters
    /export — the plan with completion marks: Word, Excel, web page
help-admin =
    <b>For administrators</b>
    /newcluster — create a cluster
help-group =
    I am the Workplan bot. In groups I only answer commands:
    /done 2.3 text — mark an item done
    /plan — the cluster's plan and its progress
    /bind — bind the group to a cluster (for coordinators)
    /help — this help

    Reports with files and settings are in a private chat with me.

cancel-done = Cancelled.
cancel-nothing = There is nothing to cancel.
unknown-input = I did not understand that. Commands: /help.

## Roles

role-coordinator = coordinator
role-executor = executor
role-observer = observer
role-admin = administrator

## Command menu (short descriptions)

cmd-start = Start
cmd-help = Command help
cmd-cancel = Cancel the current action

## Errors

error-domain = The action could not be completed.
error-unexpected = Sorry, something went wrong. We have been notified — please try again a bit later.
error-access-denied = This action is not available to you.
error-not-found = Nothing found.
error-invalid-input = Could not read the input. Please check it and try again.
error-details-below = That did not work — see the message below.
error-anonymous-sender = Please send this command under your own name: when you write on behalf of the group or a channel, I cannot tell who you are.

## Invites

error-invite-invalid = The invite link is not valid.
invite-unknown = This invite link is not valid. Ask the coordinator for a new one.
invite-expired = This invite link has expired. Ask the coordinator for a new one.
invite-used-up = This invite link has already been used. Ask the coordinator for a new one.
invite-revoked = This invite link has been revoked. Ask the coordinator for a new one.
invite-needs-cluster = A member invite needs a cluster.
invite-bad-uses = An invite must allow at least one use.
