# common.pat — macros every other rule file may use. Loaded first.
#
# Text is normalised before matching: curly quotes are ' and ", dashes are -,
# white space is one space, a paragraph is one line. {Q} is an optional quote
# mark, as in: rated "inadequate".

define Q ["']?
define W [A-Za-z][A-Za-z'-]*
# A capitalised word (names, places).
define CAP [A-Z][A-Za-z'-]*
# Macros keep their own flags: a (?i) around {NAME} does not reach inside it.
# Cardinals as words, composed: "twenty-six", "one hundred and two".
words -i UNITWORD zero | one | two | three | four | five | six | seven | eight | nine | ten | eleven | twelve | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen
words -i TENSWORD twenty | thirty | forty | fifty | sixty | seventy | eighty | ninety
define NUMWORD (?i:(?:{TENSWORD}(?:[ -]{UNITWORD})?|{UNITWORD}|a dozen|(?:one |a )?hundred(?: and (?:{TENSWORD}(?:[ -]{UNITWORD})?|{UNITWORD}))?))
define DIGITS \d{1,3}(?:,\d{3})+|\d+
define NUM (?:{DIGITS}|{NUMWORD})(?![\w%])
