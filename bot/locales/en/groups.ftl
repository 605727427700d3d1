## The cluster's group: /bind

bind-choose-cluster = Which cluster should this group be bound to?
bind-done = The group is bound to cluster "{ $cluster }". Weekly summaries will come here.
bind-taken = This group is already bound to cluster "{ $cluster }". Only a coordinator of that cluster can bind it elsewhere.
