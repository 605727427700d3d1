## The weekly summary: the post in the group, /summary, «Подробнее»

cmd-summary = Итоги недели по кластеру
summary-title = <b>📰 Итоги недели · { $cluster }</b>
summary-week = Неделя { $start }–{ $end }, положение на { $date }
summary-progress = Выполнено { $done } из { $total } { $total ->
    [one] поручения
   *[other] поручений
} колледжам ({ $share }%).
summary-on-time = В срок — { $share }% выполненного.
summary-overdue-count = Просрочено сейчас: { $count } { $count ->
    [one] поручение
    [few] поручения
   *[many] поручений
}.
summary-overdue-none = Просроченных пунктов нет.
summary-no-dates = Пунктов со сроками в плане пока нет.
summary-overdue-title = <b>⚠️ Просроченные пункты: { $count }</b>
summary-overdue-line = • <b>{ $number }</b> { $text }{ $who } — { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
} (срок { $date })
summary-due-title = <b>📅 Пункты со сроком на этой неделе: { $count }</b>
summary-due-next-title = <b>🗓 Пункты со сроком на следующей неделе: { $count }</b>
summary-due-line = • <b>{ $number }</b> { $text }{ $who } — до { $date }
summary-done-title = <b>✅ Выполнено на прошлой неделе: { $count }</b>
summary-done-line = • <b>{ $number }</b> { $text }{ $who }, { $date }
summary-done-none = На прошлой неделе отчётов о выполнении не было.
summary-undated-title = <b>❔ Пункты без срока: { $count }</b>
summary-undated-line = • <b>{ $number }</b> { $text }
summary-indicators-title = <b>📊 Показатели: { $count }</b>
summary-indicator-line = • <b>{ $number }</b> { $text }{ $year } — цель { $target }, факт { $actual }
summary-indicator-year = , { $year } год
summary-no-value = нет данных
summary-unreachable-title = <b>📵 Бот не может написать: { $count }</b>
summary-unreachable-line = • { $person }{ $who }
summary-more = … и ещё { $count ->
    [one] { $count } пункт
    [few] { $count } пункта
   *[many] { $count } пунктов
}
summary-empty = В плане кластера «{ $cluster }» пока нет пунктов — подводить итоги рано.
summary-button-more = 📋 Подробнее
summary-full-title = <b>📋 Полные списки</b>
summary-caption = 📊 { $cluster }: выполнено { $done } из { $total } на { $date }
summary-chart-title-college = Выполнение по колледжам
summary-chart-title-section = Выполнение по разделам
summary-chart-done = выполнено
summary-chart-overdue = просрочено
summary-chart-rest = впереди
summary-chart-more = и ещё { $count } — в полном списке
summary-choose-cluster = Итоги какого кластера показать?
summary-not-allowed = Итоги недели доступны координаторам и наблюдателям кластера.
summary-sent-privately = Полные списки отправил вам в личные сообщения.
summary-open-private = Чтобы получить полные списки, откройте чат с ботом (/start) и нажмите кнопку ещё раз.
