//! Sentences and tokens with byte offsets into the original document text, so every
//! quote and every time expression can be traced back to the exact bytes it came from.

/// What a token is made of; the extractor only needs this coarse split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits ("Kyiv", "100M", "5th").
    Word,
    /// Digits only ("2025", "5").
    Number,
    /// Any other single character that is not white space.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offsets into the document text.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Apostrophes come in two spellings in news text; treat them alike.
    pub fn is_apostrophe(&self) -> bool {
        matches!(self.text, "'" | "’")
    }

    /// Does `next` follow with no space between ("1" "," "200", "Al" "-" "Fula")?
    pub fn touches(&self, next: &Token<'_>) -> bool {
        self.end == next.start
    }

    /// Commas, semicolons, colons, dashes and brackets end a clause for our purposes.
    pub fn is_clause_break(&self) -> bool {
        matches!(
            self.text,
            "," | ";" | ":" | "(" | ")" | "–" | "—" | "“" | "”" | "\""
        )
    }
}

/// Tokenise `text`, which starts at byte `base` of the document.
/// Letters and digits group together; hyphens and apostrophes split words
/// ("US-Russia" gives `US`, `-`, `Russia`) so that gazetteer names inside compounds
/// are still seen.
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    all_digits &= next.is_ascii_digit();
                    end = i + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                text: &text[start..end],
                start: base + start,
                end: base + end,
                kind: if all_digits {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            });
        } else {
            let end = start + c.len_utf8();
            tokens.push(Token {
                text: &text[start..end],
                start: base + start,
                end: base + end,
                kind: TokenKind::Punct,
            });
        }
    }
    tokens
}

/// A number written with thousands separators, which the tokenizer splits ("1,200"
/// is `1` `,` `200`): its value and how many tokens it takes from `i`. A plain number
/// is one token; `None` if `i` is no number or sits inside such a group.
pub fn grouped_number(tokens: &[Token<'_>], i: usize) -> Option<(u64, usize)> {
    let is_number = |j: usize| tokens.get(j).is_some_and(|t| t.kind == TokenKind::Number);
    if !is_number(i) || in_number_group(tokens, i) {
        return None;
    }
    let mut value: u64 = tokens[i].text.parse().ok()?;
    let mut used = 1;
    if tokens[i].text.len() <= 3 {
        while tokens.get(i + used).is_some_and(|t| t.text == ",")
            && tokens
                .get(i + used + 1)
                .is_some_and(|t| t.kind == TokenKind::Number && t.text.len() == 3)
            && tokens[i + used - 1].touches(&tokens[i + used])
            && tokens[i + used].touches(&tokens[i + used + 1])
        {
            value = value
                .checked_mul(1000)?
                .checked_add(tokens[i + used + 1].text.parse().ok()?)?;
            used += 2;
        }
    }
    Some((value, used))
}

/// Is token `i` a later group of a number like "1,200" (the `200`)?
pub fn in_number_group(tokens: &[Token<'_>], i: usize) -> bool {
    i >= 2
        && i < tokens.len()
        && tokens[i].kind == TokenKind::Number
        && tokens[i].text.len() == 3
        && tokens[i - 1].text == ","
        && tokens[i - 2].touches(&tokens[i - 1])
        && tokens[i - 1].touches(&tokens[i])
        && tokens[i - 2].kind == TokenKind::Number
}

/// A sentence: its byte range in the document and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// A piece of a sentence longer than [`MAX_SENTENCE_BYTES`].
    pub cut: bool,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "jr", "sr", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "est", "approx",
];

/// Split a document into sentences. Line breaks always end a sentence (headlines,
/// bullet points and paragraphs carry no full stop); within a line, `.`, `!` or `?`
/// followed by white space ends one unless it closes an abbreviation or an initial
/// ("U.S. officials", "Mr. Putin").
pub fn split_sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn split_line<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Sentence<'a>>) {
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let mut sentence_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // A closing quote or bracket right after the stop belongs to the sentence.
            let mut j = i + 1;
            while j < line.len() {
                let rest = &line[j..];
                let closer = ['"', '\'', '”', '’', ')', ']']
                    .into_iter()
                    .find(|c| rest.starts_with(*c));
                match closer {
                    Some(c) => j += c.len_utf8(),
                    None => break,
                }
            }
            let followed_by_space = line[j..].chars().next().is_none_or(char::is_whitespace);
            if followed_by_space && !(b == b'.' && is_abbreviation(&line[..i])) {
                let next_starts_sentence = line[j..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_lowercase())
                    && !clock_continues(&line[..=i], &line[j..]);
                if next_starts_sentence {
                    push_trimmed(text, start + sentence_start, start + j, out);
                    sentence_start = j;
                }
            }
            i = j;
            continue;
        }
        // "Outlet 1 reports: The president has announced ...": after a colon, an
        // article opening a capitalised clause starts a sentence with its own subject
        // (not a quotation, "He said: \"To justify ...\"", nor a list).
        if b == b':' {
            let rest = &line[i + 1..];
            let article = ["The ", "A ", "An "]
                .into_iter()
                .any(|a| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(a)));
            if article {
                push_trimmed(text, start + sentence_start, start + i + 1, out);
                sentence_start = i + 1;
            }
        }
        i += 1;
    }
    push_trimmed(text, start + sentence_start, end, out);
}

/// "at 4 a.m. EDT Thursday", "5 p.m. Nov. 9", "10:35 a.m. (0735 GMT)": after "a.m." or
/// "p.m." a time zone, a day name or the time elsewhere continues the time rather than
/// starting a sentence.
fn clock_continues(before: &str, after: &str) -> bool {
    // Only the end matters: lowercasing the whole line at every stop would make a
    // long line quadratic.
    let tail = before
        .char_indices()
        .rev()
        .nth(3)
        .map_or(before, |(i, _)| &before[i..]);
    let lower = tail.to_ascii_lowercase();
    if !(lower.ends_with("a.m.") || lower.ends_with("p.m.")) {
        return false;
    }
    // "10:35 a.m. (0735 GMT) Friday": the same time in another zone.
    let mut rest = after.trim_start().chars();
    if rest.next() == Some('(') && rest.next().is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let zone = (2..=4).contains(&next.len()) && next.chars().all(|c| c.is_ascii_uppercase());
    const DAYS: [&str; 19] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
    ];
    zone || DAYS.iter().any(|d| next.starts_with(d))
}

/// Does the word ending `before` (its full stop not included) abbreviate, so that
/// the full stop after it ends nothing?
pub(crate) fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    // A single capital letter is an initial or part of "U.S.", "U.N.".
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

/// Push the sentence without surrounding white space or list bullets; skip empty ones.
/// Sentences longer than this many bytes are cut into pieces at the last space
/// before it (a real sentence is under 700: none of the development corpus's 7,500
/// comes near). Every stage works sentence by sentence, and some of their rules look
/// across the whole sentence: the bound keeps the work linear in the text however
/// it is written (a 4 MB line without a full stop, a word repeated 10,000 times).
pub const MAX_SENTENCE_BYTES: usize = 2_000;

fn push_trimmed<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Sentence<'a>>) {
    let mut start = start;
    let mut was_cut = false;
    while end - start > MAX_SENTENCE_BYTES {
        was_cut = true;
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = text[start..cut].rfind(char::is_whitespace) {
            if space > 0 {
                cut = start + space;
            }
        }
        push_piece(text, start, cut, true, out);
        start = cut;
    }
    push_piece(text, start, end, was_cut, out);
}

fn push_piece<'a>(text: &'a str, start: usize, end: usize, cut: bool, out: &mut Vec<Sentence<'a>>) {
    let raw = &text[start..end];
    let lead = raw.len()
        - raw
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '*'))
            .len();
    let trimmed = raw[lead..].trim_end();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(Sentence {
            start: start + lead,
            end: start + lead + trimmed.len(),
            text: trimmed,
            cut,
        });
    }
}

/// A token as lexicons compare it: lowercase, with typographic apostrophes made plain.
pub fn fold(token: &str) -> String {
    // Most tokens are plain lowercase ASCII: one allocation, no scan for apostrophes.
    if token
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return token.to_string();
    }
    plain_apostrophes(&token.to_lowercase())
}

/// A name as identity compares it across outlets: lowercase, Latin letters without
/// their diacritics ("Nicolás" and "Nicolas", "Türkiye" and "Turkiye"), typographic
/// apostrophes made plain. Letters of other scripts are kept as they are.
pub fn identity_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in plain_apostrophes(name).chars().flat_map(char::to_lowercase) {
        match without_diacritic(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

/// The base letters of a lowercase Latin letter with a diacritic.
fn without_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    })
}

/// The text with typographic apostrophes (’) made plain ('), case kept: how names
/// are compared, since outlets write "Côte d’Ivoire" and "Côte d'Ivoire".
pub fn plain_apostrophes(text: &str) -> String {
    text.replace('’', "'")
}

/// Split a lexicon phrase into folded tokens the way running text is split.
pub fn phrase(text: &str) -> Vec<String> {
    tokenize(text, 0).iter().map(|t| fold(t.text)).collect()
}

/// Does `phrase` start at token `i` of `folded`?
pub fn phrase_at(folded: &[String], i: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && phrase
            .iter()
            .enumerate()
            .all(|(k, w)| folded.get(i + k) == Some(w))
}

/// The consonants of a word, doubled ones once: what transliterations of a name
/// keep ("abdourahmane" and "abdourahamane" are "bdrhmn").
pub fn consonants(word: &str) -> String {
    let mut out = String::new();
    for c in word
        .chars()
        .filter(|c| c.is_alphabetic() && !"aeiouy".contains(*c))
    {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Levenshtein distance between two names, in characters.
pub fn spelling_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// Is this token a double quotation mark, which opens or closes a quotation?
pub fn is_double_quote_mark(token: &str) -> bool {
    matches!(token, "\"" | "“" | "”" | "«" | "»")
}

/// Is this token a quotation mark of any style, single ones included?
pub fn is_quote_mark(token: &str) -> bool {
    is_double_quote_mark(token) || matches!(token, "'" | "‘" | "’")
}

/// How many tokens `phrase` spans from word `i`, quotation marks between its words
/// included: news puts scare quotes inside names of acts ("an “anti-terrorist”
/// operation"). None when it does not match there.
pub fn phrase_span_at(folded: &[String], i: usize, phrase: &[String]) -> Option<usize> {
    let mut at = i;
    for (k, word) in phrase.iter().enumerate() {
        if k > 0 {
            while folded.get(at).is_some_and(|t| is_quote_mark(t)) && folded.get(at) != Some(word) {
                at += 1;
            }
        }
        if folded.get(at) != Some(word) {
            return None;
        }
        at += 1;
    }
    (!phrase.is_empty()).then_some(at - i)
}

/// Does a possessive `'s` start at word `i` ("Wednesday's ruling", "Qatar's foreign
/// minister")? Either apostrophe, and "S" in capitals; `words` may be folded or not.
pub fn is_possessive<W: AsRef<str>>(words: &[W], i: usize) -> bool {
    let at = |k: usize| words.get(k).map(AsRef::as_ref);
    matches!(at(i), Some("'" | "’")) && matches!(at(i + 1), Some("s" | "S"))
}

/// 1-based line number of byte `offset` in `text`. For one lookup; many go through
/// a [`LineIndex`].
pub fn line_of(text: &[u8], offset: usize) -> usize {
    1 + text[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Where each line of a text starts, found in one pass: line numbers of many
/// offsets cost a binary search each, not a scan from the start.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &[u8]) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.iter()
                .enumerate()
                .filter(|(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// 1-based line number of byte `offset`, as [`line_of`] gives it.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// Words an appositive after a name may take before its closing comma ("an
/// alliance of predominantly Tuareg armed groups" is seven).
const APPOSITIVE_WORDS: usize = 10;

/// The token after a name that ends before `from`, past a short form in brackets
/// ("(CSP)") and an appositive set off by commas (", an alliance of armed
/// groups,"): where the name's verb stands.
pub fn past_short_form_and_appositive(texts: &[String], from: usize) -> usize {
    let mut at = from;
    if texts.get(at).is_some_and(|t| t == "(") {
        at = (at + 1..texts.len().min(at + 4))
            .find(|&k| texts[k] == ")")
            .map_or(at, |close| close + 1);
    }
    if texts.get(at).is_some_and(|t| t == ",") {
        let close = (at + 1..texts.len().min(at + 2 + APPOSITIVE_WORDS))
            .take_while(|&k| !matches!(texts[k].as_str(), "." | ";" | "(" | ")"))
            .find(|&k| texts[k] == ",");
        if let Some(close) = close {
            at = close + 1;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_keys_ignore_case_diacritics_and_apostrophes() {
        for (a, b) in [
            ("Nicolás Maduro", "Nicolas Maduro"),
            ("Türkiye", "TURKIYE"),
            ("Côte d’Ivoire", "cote d'ivoire"),
            ("Łukaszenka", "lukaszenka"),
        ] {
            assert_eq!(identity_key(a), identity_key(b), "{a} / {b}");
        }
        assert_ne!(identity_key("Sudan"), identity_key("South Sudan"));
        assert_eq!(identity_key("Зеленський"), "зеленський");
    }

    #[test]
    fn numbers_with_thousands_separators_are_one_figure() {
        let tokens = tokenize("killed 1,200 and 12,345,678, then 3, 400 and 2024", 0);
        let at = |text: &str| tokens.iter().position(|t| t.text == text).unwrap();
        assert_eq!(grouped_number(&tokens, at("1")), Some((1200, 3)));
        assert_eq!(grouped_number(&tokens, at("12")), Some((12_345_678, 5)));
        // The later groups start nothing.
        assert_eq!(grouped_number(&tokens, at("200")), None);
        assert!(in_number_group(&tokens, at("345")));
        // A comma and a space separate a list, not thousands.
        assert_eq!(grouped_number(&tokens, at("3")), Some((3, 1)));
        assert_eq!(grouped_number(&tokens, at("2024")), Some((2024, 1)));
        // Past the last token there is no group, and no panic.
        assert!(!in_number_group(&tokens, tokens.len()));
    }

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_on_stops_and_lines_but_not_abbreviations() {
        let text = "Headline without stop\nU.S. officials met Mr. Putin on Feb. 5 in Moscow. He said \"yes.\" Then left!\n  • a bullet point\n";
        assert_eq!(
            sentences(text),
            vec![
                "Headline without stop",
                "U.S. officials met Mr. Putin on Feb. 5 in Moscow.",
                "He said \"yes.\"",
                "Then left!",
                "a bullet point",
            ]
        );
    }

    #[test]
    fn a_colon_before_an_article_opens_a_sentence_but_not_before_a_quote() {
        let text = "Outlet 1 reports: The president has announced talks. He said: \"The talks will go on.\" Sudan: RSF attacks El Fasher.";
        assert_eq!(
            sentences(text),
            vec![
                "Outlet 1 reports:",
                "The president has announced talks.",
                "He said: \"The talks will go on.\"",
                "Sudan: RSF attacks El Fasher.",
            ]
        );
    }

    #[test]
    fn sentence_offsets_point_at_the_text() {
        let text = "One. Two is here.\n\nThree “quoted.” Four";
        for s in split_sentences(text) {
            assert_eq!(&text[s.start..s.end], s.text);
        }
        assert_eq!(
            sentences(text),
            vec!["One.", "Two is here.", "Three “quoted.”", "Four"]
        );
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(
            sentences("Talks ended at 5 p.m. on Friday."),
            vec!["Talks ended at 5 p.m. on Friday."]
        );
    }

    #[test]
    fn tokens_carry_offsets_and_kinds() {
        let text = "US-Russia talks, 2025’s 100M";
        let tokens = tokenize(text, 10);
        let words: Vec<_> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            vec!["US", "-", "Russia", "talks", ",", "2025", "’", "s", "100M"]
        );
        assert_eq!(tokens[2].start, 13);
        assert_eq!(tokens[5].kind, TokenKind::Number);
        assert_eq!(tokens[8].kind, TokenKind::Word);
        for t in &tokens {
            assert_eq!(&text[t.start - 10..t.end - 10], t.text);
        }
    }

    #[test]
    fn line_numbers_are_one_based() {
        assert_eq!(line_of(b"a\nb\nc", 0), 1);
        assert_eq!(line_of(b"a\nb\nc", 4), 3);
        let text = b"a\nb\n\nc";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(index.line_of(offset), line_of(text, offset), "at {offset}");
        }
    }
}
