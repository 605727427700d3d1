## Members: /members

members-title = <b>Участники — { $cluster }</b> ({ $count }):
member-line = • { $name } — { $role }{ $has_organization ->
        [yes] , { $organization }
       *[no] {""}
    }{ $has_roles ->
        [yes] ; роли в плане: { $roles }
       *[no] {""}
    }
member-manage = ⚙️ { $name }
member-menu = { $name } — { $role }. Выберите новую роль или исключите участника:
member-remove = Исключить
member-removed = { $name } исключён(а) из кластера.
member-role-changed = Роль участника { $name } изменена: { $role }.
error-cannot-demote-self = Нельзя снять с себя роль координатора — попросите другого координатора или администратора.
error-cannot-remove-self = Нельзя исключить самого себя.
error-last-coordinator = В кластере должен остаться хотя бы один координатор. Сначала назначьте координатором другого участника.
members-page = Страница { $page } из { $pages }
