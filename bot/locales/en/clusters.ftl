## Clusters: /newcluster and time zones

cluster-ask-name = What is the cluster called? For example: "Transport educational cluster".
cluster-ask-region = Which region does the cluster work in?
cluster-ask-timezone = Choose the cluster's time zone — deadlines and reminder times follow it:
cluster-created = Cluster "{ $name }" created, time zone: { $timezone }.
    Now invite its coordinator: /invite, role "coordinator", then forward the link.
error-admin-only = Only a bot administrator can do this.
error-cluster-name = A cluster name takes 3 to 300 characters.
error-cluster-exists = Cluster "{ $name }" already exists.
error-timezone = Unknown time zone: { $value }.
error-no-clusters = You are not in any cluster yet. Ask a coordinator for an invite.

tz-label = { $name } ({ $offset })
tz-offset = { $sign ->
    [plus] MSK+{ $hours }
    [minus] MSK−{ $hours }
   *[zero] MSK
}
tz-Europe-Kaliningrad = Kaliningrad
tz-Europe-Moscow = Moscow
tz-Europe-Samara = Samara
tz-Asia-Yekaterinburg = Yekaterinburg
tz-Asia-Omsk = Omsk
tz-Asia-Novosibirsk = Novosibirsk
tz-Asia-Tomsk = Tomsk
tz-Asia-Krasnoyarsk = Krasnoyarsk
tz-Asia-Irkutsk = Irkutsk
tz-Asia-Yakutsk = Yakutsk
tz-Asia-Vladivostok = Vladivostok
tz-Asia-Magadan = Magadan
tz-Asia-Kamchatka = Kamchatka
