## Invites: /invite and /invites

invite-ask-cluster = В какой кластер пригласить?
invite-ask-role = Кого пригласить в кластер «{ $cluster }»? Выберите роль:
invite-ask-organization = Напишите организацию (колледж, техникум, предприятие), от которой будет работать приглашённый, — или нажмите «Без организации».
invite-choose-organization = Выберите организацию, от которой будет работать приглашённый. Новую можно просто написать или нажать «Другая организация…».
invite-other-organization = Другая организация…
invite-type-organization = Напишите название организации, например: «ОГБПОУ Смоленский автотранспортный колледж».
invite-no-organization = Без организации
invite-ask-plan-roles = Отметьте роли из плана, за которые будет отвечать приглашённый, и нажмите «Готово»:
invite-roles-done = Готово
invite-created = Приглашение создано. Перешлите следующее сообщение тому, кого приглашаете: { $uses ->
    [1] ссылка сработает один раз.
    [few] ссылкой смогут воспользоваться { $uses } человека.
   *[other] ссылкой смогут воспользоваться { $uses } человек.
}
    Все действующие приглашения — /invites.
invite-offer = { $has_inviter ->
        [yes] { $inviter } приглашает вас
       *[no] Вас приглашают
    } в кластер «{ $cluster }» как { $role ->
        [coordinator] координатора
        [observer] наблюдателя
       *[executor] исполнителя
    }{ $has_organization ->
        [yes] {" "}от «{ $organization }»
       *[no] {""}
    }.
invite-plan-roles = Роли в плане: { $roles }.
invite-link = Чтобы присоединиться, откройте ссылку до { $expires } (время кластера):
    { $link }
invites-title = <b>Действующие приглашения — { $cluster }</b>: { $count }
invites-hint = Новое приглашение — /invite.
invite-line = #{ $id } — { $role }{ $has_organization ->
        [yes] , { $organization }
       *[no] {""}
    }; до { $expires } (время кластера), использовано { $used } из { $uses }
invite-revoke-button = Отозвать #{ $id }
invite-revoked-done = Приглашение #{ $id } отозвано.
