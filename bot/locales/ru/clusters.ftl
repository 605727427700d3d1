## Clusters: /newcluster and time zones

cluster-ask-name = Как называется кластер? Например: «Образовательно-отраслевой кластер транспорта».
cluster-ask-region = В каком регионе работает кластер? Например: «Смоленская область».
cluster-ask-timezone = Выберите часовой пояс кластера — по нему считаются сроки и время напоминаний:
cluster-created = Кластер «{ $name }» создан, часовой пояс — { $timezone }.
    Теперь пригласите координатора: команда /invite, роль «координатор», — и перешлите ему ссылку.
error-admin-only = Это может сделать только администратор бота.
error-cluster-name = Название кластера должно быть от 3 до 300 символов.
error-cluster-exists = Кластер «{ $name }» уже есть.
error-timezone = Неизвестный часовой пояс: { $value }.
error-no-clusters = Вы пока не состоите ни в одном кластере. Попросите координатора прислать приглашение.

tz-label = { $name } ({ $offset })
tz-offset = { $sign ->
    [plus] МСК+{ $hours }
    [minus] МСК−{ $hours }
   *[zero] МСК
}
tz-Europe-Kaliningrad = Калининград
tz-Europe-Moscow = Москва
tz-Europe-Samara = Самара
tz-Asia-Yekaterinburg = Екатеринбург
tz-Asia-Omsk = Омск
tz-Asia-Novosibirsk = Новосибирск
tz-Asia-Tomsk = Томск
tz-Asia-Krasnoyarsk = Красноярск
tz-Asia-Irkutsk = Иркутск
tz-Asia-Yakutsk = Якутск
tz-Asia-Vladivostok = Владивосток
tz-Asia-Magadan = Магадан
tz-Asia-Kamchatka = Камчатка
