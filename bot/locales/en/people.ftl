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

