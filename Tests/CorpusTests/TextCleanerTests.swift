import Testing

@testable import Corpus

@Suite struct TextCleanerTests {
    @Test(arguments: [
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("&lt;b&gt; is a tag", "<b> is a tag"),
        ("&quot;Yes,&quot; she said &mdash; twice&hellip;", "\"Yes,\" she said — twice…"),
        ("&#8220;curly&#x201D; &#39;x&#39;", "“curly” 'x'"),
        ("caf&eacute; &Eacute;cole na&iuml;ve &aelig; &THORN;&thorn; &szlig;", "café École naïve æ Þþ ß"),
        ("&pound;5 &euro;6 &copy; 2026", "£5 €6 © 2026"),
        ("a&nbsp;b", "a b"),
        ("&#0; &#xD800; &#1114112;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
        ("AT&T and S&P; &unknown; & &;", "AT&T and S&P; &unknown; & &;"),
        ("<p>One <b>bold</b> word</p>", "One bold word"),
        ("x < y and y > z", "x < y and y > z"),
        ("before<script>var a = '<p>';</script>after", "beforeafter"),
        ("a<!-- hidden -->b", "ab"),
        ("  spaced \t out\u{00A0}\u{2003}text  ", "spaced out text"),
        ("zero\u{200B}width\u{FEFF} soft\u{00AD}hyphen", "zerowidth softhyphen"),
        ("e\u{301}te\u{301}", "\u{E9}t\u{E9}"),
    ])
    func linesAreDecodedStrippedAndCollapsed(raw: String, clean: String) {
        #expect(TextCleaner.line(from: raw) == clean)
        #expect(TextCleaner.line(from: raw).unicodeScalars.elementsEqual(clean.unicodeScalars))
    }

    @Test func blankLinesSeparateParagraphsAndSingleNewlinesJoin() {
        let raw = "First line\nwraps here.\n\n  \nSecond\r\nparagraph.\r\n\r\nThird."
        let expected = ["First line wraps here.", "Second paragraph.", "Third."]
        #expect(TextCleaner.paragraphs(from: raw, singleNewlinesSplit: false) == expected)
        #expect(TextCleaner.paragraphs(from: raw, singleNewlinesSplit: true) == expected)
    }

    @Test func singleNewlinesSplitOnlyTextWithoutBlankLines() {
        let raw = "\nOne paragraph.\nAnother one.\n"
        #expect(TextCleaner.paragraphs(from: raw, singleNewlinesSplit: true) == ["One paragraph.", "Another one."])
        #expect(TextCleaner.paragraphs(from: raw, singleNewlinesSplit: false) == ["One paragraph. Another one."])
    }

    @Test func blockTagsBreakParagraphs() {
        let raw = "<div><p>First &amp; foremost.</p><p>Second<br>line.</p></div>"
        #expect(TextCleaner.paragraphs(from: raw, singleNewlinesSplit: false) == ["First & foremost.", "Second line."])
        #expect(TextCleaner.paragraphs(from: raw, singleNewlinesSplit: true) == ["First & foremost.", "Second line."])
    }

    @Test func emptyAndWhitespaceTextHasNoParagraphs() {
        #expect(TextCleaner.paragraphs(from: "", singleNewlinesSplit: true).isEmpty)
        #expect(TextCleaner.paragraphs(from: " \n\t\n<br>", singleNewlinesSplit: false).isEmpty)
    }
}
