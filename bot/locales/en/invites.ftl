## Invites: /invite and /invites

invite-ask-cluster = Which cluster do you invite to?
invite-ask-role = Whom do you invite to "{ $cluster }"? Choose the role:
invite-ask-organization = Type the organization (college, company) the invitee works for — or press "No organization".
invite-choose-organization = Choose the organization the invitee works for. Type a new one or press "Another organization…".
invite-other-organization = Another organization…
invite-type-organization = Type the organization's name.
invite-no-organization = No organization
invite-ask-plan-roles = Tick the plan roles the invitee will answer for, then press "Done":
invite-roles-done = Done
invite-created = Invite created. Forward the next message to the person you invite: { $uses ->
    [1] the link works once.
   *[other] { $uses } people can use the link.
}
    All active invites: /invites.
invite-offer = { $has_inviter ->
        [yes] { $inviter } invites you
       *[no] You are invited
    } to the cluster "{ $cluster }" as { $role ->
        [coordinator] a coordinator
        [observer] an observer
       *[executor] an executor
    }{ $has_organization ->
        [yes] {" "}for "{ $organization }"
       *[no] {""}
    }.
invite-plan-roles = Plan roles: { $roles }.
invite-link = To join, open the link before { $expires } (cluster time):
    { $link }
invites-title = <b>Active invites — { $cluster }</b>: { $count }
invites-hint = A new invite: /invite.
invite-line = #{ $id } — { $role }{ $has_organization ->
        [yes] , { $organization }
       *[no] {""}
    }; until { $expires } (cluster time), used { $used } of { $uses }
invite-revoke-button = Revoke #{ $id }
invite-revoked-done = Invite #{ $id } revoked.
