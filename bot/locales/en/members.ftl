## Members: /members

members-title = <b>Members — { $cluster }</b> ({ $count }):
member-line = • { $name } — { $role }{ $has_organization ->
        [yes] , { $organization }
       *[no] {""}
    }{ $has_roles ->
        [yes] ; plan roles: { $roles }
       *[no] {""}
    }
member-manage = ⚙️ { $name }
member-menu = { $name } — { $role }. Choose a new role or remove the member:
member-remove = Remove
member-removed = { $name } was removed from the cluster.
member-role-changed = { $name }'s role changed: { $role }.
error-cannot-demote-self = You cannot drop your own coordinator role — ask another coordinator or an administrator.
error-cannot-remove-self = You cannot remove yourself.
error-last-coordinator = A cluster keeps at least one coordinator. Make another member a coordinator first.
members-page = Page { $page } of { $pages }
