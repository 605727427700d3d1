## Delivery: what the coordinator is told when Telegram refuses to deliver to a member.

notice-unreachable = Messages cannot be delivered: <b>{ $name }</b> has blocked the bot or never opened a chat with it. Please ask them to open a chat with the bot and press "Start".
notice-unreachable-of = Messages cannot be delivered: <b>{ $name }</b> ({ $organization }) has blocked the bot or never opened a chat with it. Please ask them to open a chat with the bot and press "Start".
