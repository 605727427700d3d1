## /stats: discipline of a cluster and the clusters side by side

cmd-stats = Статистика исполнения плана
stats-not-allowed = Статистика доступна координаторам и наблюдателям кластера. Ваши пункты — в /my.
stats-overview-not-allowed = Обзор по кластерам доступен наблюдателям и администраторам.
stats-no-such-cluster = Кластер «{ $name }» среди доступных вам не найден. Отправьте /stats без названия — я покажу список.
stats-choose = <b>Статистика</b>. Выберите кластер:
stats-choose-more = Показаны первые { $shown } из { $count }. Остальные — командой /stats с частью названия.
stats-button-overview = 🗺 Обзор по кластерам

stats-title = 📊 <b>Статистика — { $cluster }</b> на { $today }
stats-items = Пунктов плана: { $count }
stats-total = <b>Всего:</b> { $tally }
stats-empty = Назначений пока нет: загрузите план и пригласите исполнителей.
stats-colleges = <b>По колледжам</b>
stats-people = <b>По исполнителям</b>
stats-shared = Общие пункты (без колледжа)
stats-party = • <b>{ $name }</b>: { $tally }
stats-person = { $name }
stats-person-of = { $name }, { $organization }
stats-legend = <i>Выполнено — отчёт принят координатором; в срок — принятый отчёт отправлен не позже срока; просрочено — срок прошёл, отчёта нет или он возвращён.</i>

stats-none = —
stats-percent = { $value }%
stats-assigned = назначено { $count }
stats-done = выполнено { $count }, в срок { $on_time }
stats-done-none = выполненных пока нет
stats-overdue = просрочено { $count }
stats-delay = опоздание в среднем { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
stats-returned = возвращено на доработку { $count ->
    [one] { $count } раз
    [few] { $count } раза
   *[many] { $count } раз
}

stats-overview-title = 🗺 <b>Обзор по кластерам</b> на { $today }: { $count ->
    [one] { $count } кластер
    [few] { $count } кластера
   *[many] { $count } кластеров
}, { $order }
stats-order-overdue = по доле просроченных
stats-order-name = по названию
stats-overview-empty = Доступных кластеров пока нет.
stats-overview-row = { $number }. <b>{ $cluster }</b> ({ $region })
    пунктов: { $items } · назначений: { $assigned } · выполнено: { $done } · в срок: { $on_time } · просрочено: { $overdue } ({ $overdue_count })
stats-sort-overdue = по просрочке
stats-sort-name = по названию
stats-sort-current = • { $label }
