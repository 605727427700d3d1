## The cluster's group: /bind

bind-choose-cluster = Which cluster should this group be bound to?
bind-done = The group is bound to cluster "{ $cluster }". Weekly summaries will come here.
