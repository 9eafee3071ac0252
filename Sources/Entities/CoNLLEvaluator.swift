import Foundation

/// Scores an `EntityExtractor` on CoNLL-2003 data: each document is detokenised into running
/// text, extracted, and the mentions are mapped back to the tokens they overlap.
public struct CoNLLEvaluator: Sendable {
    public let extractor: EntityExtractor

    public init(extractor: EntityExtractor) {
        self.extractor = extractor
    }

    public func evaluate(fileAtPath path: String) throws -> CoNLLReport {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw EntitiesError.unreadableFile(path: path)
        }
        return evaluate(try CoNLLReader.documents(from: text))
    }

    public func evaluate(_ documents: [CoNLLDocument]) -> CoNLLReport {
        var report = CoNLLReport()
        report.documents = documents.count
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        for document in documents {
            let (text, offsets) = CoNLLEvaluator.detokenise(document)
            report.tokens += offsets.count
            let started = clock.now
            let mentions = extractor.extract(title: "", text: text)
            elapsed += clock.now - started
            let predicted = CoNLLEvaluator.spans(of: mentions, offsets: offsets)
            score(predicted: predicted, gold: document.goldSpans, into: &report)
        }
        report.extractionSeconds =
            Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return report
    }

    func score(predicted: [CoNLLDocument.Span], gold: [CoNLLDocument.Span], into report: inout CoNLLReport) {
        let goldSet = Set(gold)
        let predictedSet = Set(predicted)
        var goldLabelBySpan: [Range<Int>: String] = [:]
        for span in gold { goldLabelBySpan[span.tokens] = span.label }
        for span in predictedSet {
            if goldSet.contains(span) {
                report.byLabel[span.label, default: CoNLLScore()].truePositives += 1
            } else {
                report.byLabel[span.label, default: CoNLLScore()].falsePositives += 1
                if let goldLabel = goldLabelBySpan[span.tokens] {
                    report.confusions["\(goldLabel)->\(span.label)", default: 0] += 1
                } else if gold.contains(where: { $0.tokens.overlaps(span.tokens) }) {
                    report.boundaryErrors += 1
                }
            }
        }
        for span in goldSet where !predictedSet.contains(span) {
            report.byLabel[span.label, default: CoNLLScore()].falseNegatives += 1
        }
        report.overall = report.byLabel.values.reduce(into: CoNLLScore()) { $0 += $1 }
    }

    /// Running text for a document: tokens joined by spaces, except before closing punctuation
    /// and clitics ("Japan 's" -> "Japan's") and after opening brackets; sentences as paragraphs.
    /// Returns the text and each token's byte range in it.
    static func detokenise(_ document: CoNLLDocument) -> (String, [Range<Int>]) {
        let attachLeft: Set<String> = [",", ".", ";", ":", "?", "!", ")", "]", "'s", "'S", "n't", "'", "%"]
        var text = ""
        var offsets: [Range<Int>] = []
        var bytes = 0
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            if sentenceIndex > 0 {
                text += "\n\n"
                bytes += 2
            }
            var previous: String?
            for token in sentence {
                if let previous, !attachLeft.contains(token.text), previous != "(", previous != "[" {
                    text += " "
                    bytes += 1
                }
                let length = token.text.utf8.count
                offsets.append(bytes..<(bytes + length))
                text += token.text
                bytes += length
                previous = token.text
            }
        }
        return (text, offsets)
    }

    /// Mentions as token spans: every token a mention overlaps belongs to it.
    static func spans(of mentions: [EntityMention], offsets: [Range<Int>]) -> [CoNLLDocument.Span] {
        var spans: [CoNLLDocument.Span] = []
        var index = 0
        for mention in mentions.filter({ !$0.inTitle }).sorted(by: { $0.start < $1.start }) {
            while index < offsets.count, offsets[index].upperBound <= mention.start { index += 1 }
            var end = index
            while end < offsets.count, offsets[end].lowerBound < mention.end { end += 1 }
            if end > index { spans.append(CoNLLDocument.Span(tokens: index..<end, label: mention.type.conllLabel)) }
        }
        return spans
    }
}
