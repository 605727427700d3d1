## The executor's side

my-title = <b>Your plan items</b> ({ $count }):
my-empty = No open items. 🎉
my-group-overdue = 🔴 <b>Overdue</b>
my-group-week = 🟡 <b>This week</b>
my-group-later = 🟢 <b>Later</b>
my-line = <b>{ $number }</b>. { $text } — { $due }{ $returned }
my-returned = {" "}↩️ returned for rework
my-page = Page { $page } of { $pages }
my-button-done = ✅ { $number }
my-button-more = ℹ️ { $number }
due-overdue = due { $date }, overdue by { $days ->
    [one] { $days } day
   *[other] { $days } days
}
due-today = due today, { $date }
due-in = due { $date } (in { $days ->
    [one] { $days } day
   *[other] { $days } days
})

button-done = ✅ Done
button-note = 💬 Comment
button-file = 📎 File
button-move = ⏰ Move deadline
status-open = in progress
status-submitted = report under review
status-accepted = accepted
status-returned = returned for rework
status-cancelled = cancelled

report-ask-done = Item { $number }: { $text }
    Write what was done and attach files (documents, photos). Press "Send" when ready. A comment is optional.
report-ask-note = Item { $number }: { $text }
    Write how the work goes (the item stays open) and press "Send".
report-ask-file = Item { $number }: { $text }
    Send the files (documents, photos), then press "Send".
report-ask-result = The plan expects: "{ $result }" — please attach it.
report-send = 📨 Send
report-cancel = Cancel
report-collected = { $files ->
    [0] Comment saved.
    [one] Got { $files } file{ $words ->
        [0] {""}
       *[other] {" "}and a comment
    }.
   *[other] Got { $files } files{ $words ->
        [0] {""}
       *[other] {" "}and a comment
    }.
} Add more or press "📨 Send".
report-empty = Write a comment or send a file first.
report-empty-file = Send a file first — a document or a photo.
report-text-too-long = The comment is getting too long: a report holds { $limit } characters, { $left } are left. This message was not added — shorten it or attach the text as a file.
report-kept-as-note = A colleague has already sent the report on this item; the coordinator is reviewing it. Your comment and files are kept on the item card as an addition — nothing is lost.
report-cancelled = The report was not sent; the draft is deleted.
report-too-many-files = A report takes at most { $limit } files.
report-sent-done = The report went to the coordinator. I will tell you when it is accepted or returned.
report-sent-note = Comment saved.
report-sent-file = Files saved.
done-usage = Type the item number and, if you like, a comment: /done 2.3 Meeting held, minutes No. 5 of 12.03
done-accepted = Item { $number } is marked done and the report went to the coordinator.
error-no-open-item = You have no open item { $number }. Your items: /my.
error-assignment-not-found = This item was not found or is no longer available.
error-not-your-assignment = Only the item's executor or a coordinator can report on it.
error-already-reported = The report on item { $number } has been sent and awaits the coordinator's decision. You can still add a comment or a file with "💬 Comment" and "📎 File".
error-already-accepted = The report on item { $number } is already accepted — no need to report again.
error-assignment-cancelled = Item { $number } is no longer assigned to you.
error-item-done = Item { $number } is already done and closed.
error-item-cancelled = Item { $number } was taken off control.
error-stale-button = This button is out of date. Open the list again: /my.

extension-ask-date = Item { $number }, due { $due }. Type the new date, e.g. «до 15.05.2022» or «июнь».
extension-ask-reason = New deadline: { $due }. Type the reason.
extension-sent = The request to move the deadline to { $due } went to the coordinator.
error-extension-not-later = The new deadline must be later than the current one ({ $due }).
error-extension-reason = Please give a reason — a few words at least.

## The coordinator's side

notify-start-link = { $mention }, I have a message about the work plan for you, but you have not opened a chat with me yet. Open it and press "Start": { $link }
notice-someone = an executor
notice-author = From: { $name }
notice-author-of = From: { $name } ({ $organization })
notice-files = { $count ->
    [one] { $count } file attached
   *[other] { $count } files attached
}
notice-comment = Comment: { $comment }
notice-comment-cut = Comment (the beginning; all of it under "📄 In full"): { $comment }
notice-report-title = 📝 <b>Report on item { $number }</b> · { $cluster }
    { $text }
notice-report-again = 🔁 A second report (attempt { $attempt }). Last time it was returned: "{ $reason }"
notice-extension-title = ⏰ <b>Request to move item { $number }</b> · { $cluster }
    { $text }
notice-extension-dates = Deadline: { $old } → { $new }
notice-extension-reason = Reason: { $reason }
notice-accepted = ✅ Your report on item { $number } is accepted. Thank you!
    { $text }
notice-returned = ↩️ Your report on item { $number } was returned for rework.
    { $text }
notice-returned-reason = What to rework: { $reason }
notice-returned-next = When it is ready, press "✅ Done" or reply to this message.
notice-extension-approved = ⏰ Moving item { $number } is approved: the new deadline is { $new }.
notice-extension-rejected = ⏰ Moving item { $number } was not approved; the deadline stays { $due }.
button-accept = ✅ Accept
button-return = ↩️ Return for rework
button-approve = ✅ Approve
button-reject = ✖️ Reject
button-card = 📋 Item card
button-more = ℹ️ Details
button-report-files = 📎 Report files ({ $count })
report-file-caption = A file of the report on item { $number }
report-no-files = This report has no files.
decision-accepted = The report on item { $number } is accepted; the executor will be notified.
decision-ask-reason = Write what needs rework — the executor will get your comment.
decision-returned = The report on item { $number } is returned for rework; the executor will get your comment.
decision-extension-approved = Moving item { $number } to { $due } is approved.
decision-extension-rejected = The request to move item { $number } is rejected; the deadline stays.
error-already-decided = This report has already been decided.
error-return-reason = Write what needs rework.
error-close-reason = Please give a reason.
button-full-text = 📄 In full
report-full-title = <b>The report on item { $number }</b> in full:
report-full-text = { $text }
report-full-reason = The coordinator's comment: { $reason }
reply-which-item = This message lists several items, so a reply cannot tell which one is done. Press «✅» with the item’s number and send this text again — it becomes the report.
