## Indicators: the actual value asked with a done report, shown beside the plan's target

indicator-ask = One last step: item { $number } has an indicator for { $year } — «{ $text }».
    Type the actual value on one line, e.g. «52%» or «14 experts». If there is no value yet, press «Skip» and the report goes without it.
indicator-skip = Skip
indicator-file-added = The file is added to the report ({ $files ->
    [one] { $files } file
   *[other] { $files } files
} in all). Now type the indicator's value or press «Skip».
indicator-actual-empty = Type the indicator's value as text, e.g. «52%», or press «Skip».
indicator-actual-too-long = The value is too long: { $length } characters, the limit is { $limit }. Please make it shorter, e.g. «52%» — the report is not sent yet and everything you wrote is kept.
indicator-line = Indicator { $year }: target { $target } — actual { $actual }
indicator-no-actual = Indicator { $year }: target { $target } — actual not given
indicator-plan = Indicator { $year }: target { $target }
