## Joining a cluster by an invite link

join-ask-name = { $offer }

    Please type your full name — the coordinator and colleagues will see it.
join-keep-name = Keep "{ $name }"
join-bad-name = Type your full name (3 to 300 characters).
join-ask-organization = Which organization do you represent? Type its name.
join-ask-position = Your position? For example: "director". You may skip it.
join-skip = Skip
join-done = Welcome to "{ $cluster }"! Your role: { $role }{ $has_organization ->
        [yes] , organization: "{ $organization }"
       *[no] {""}
    }.
join-next-executor = Your plan items: /my, the whole plan: /plan, all commands: /help.
join-next-observer = The whole plan and its progress: /plan, all commands: /help.
join-role-kept = You are already in "{ $cluster }" as { $held } — more than this link gives ({ $offered }), so your role stays. The link was not used: if it is meant for a colleague, forward it to them.
join-role-same = You are already in "{ $cluster }" as { $held }, so nothing changes. The link was not used: if it is meant for a colleague, forward it to them.

coordinator-next-steps-no-plan = What next:
    1. Send me the work plan file (DOCX, XLSX or text) — I will split it into items.
    2. Invite the colleges with /invite — a link for each head.
    3. Add me to the cluster's group and send /bind there.
coordinator-next-steps = What next:
    1. Invite the colleges with /invite — a link for each head.
    2. Add me to the cluster's group and send /bind there.
