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
start-admin-hint = You are an administrator: you can create clusters and invite coordinators.
start-help-hint = Commands: /help.

help-private =
    <b>Commands</b>
    /start — start and your clusters
    /help — this help
    /cancel — cancel the current action

    To join a cluster, open the invite link from its coordinator.
help-group =
    I am the Workplan bot. In groups I only answer commands; reports and settings are in a private chat with me.

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

## Invites

error-invite-invalid = The invite link is not valid.
invite-unknown = This invite link is not valid. Ask the coordinator for a new one.
invite-expired = This invite link has expired. Ask the coordinator for a new one.
invite-used-up = This invite link has already been used. Ask the coordinator for a new one.
invite-revoked = This invite link has been revoked. Ask the coordinator for a new one.
invite-needs-cluster = A member invite needs a cluster.
invite-bad-uses = An invite must allow at least one use.
