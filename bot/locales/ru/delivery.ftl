## Delivery: what the coordinator is told when Telegram refuses to deliver to a member.

notice-unreachable = Не удаётся доставить сообщения: <b>{ $name }</b> заблокировал(а) бота или не открывал(а) с ним чат. Попросите открыть чат с ботом и нажать «Запустить».
notice-unreachable-of = Не удаётся доставить сообщения: <b>{ $name }</b> ({ $organization }) заблокировал(а) бота или не открывал(а) с ним чат. Попросите открыть чат с ботом и нажать «Запустить».
