## The cluster's group: /bind

bind-choose-cluster = К какому кластеру привязать эту группу?
bind-done = Группа привязана к кластеру «{ $cluster }». Сюда будут приходить еженедельные сводки.
