/// The result of scoring the extractor on a CoNLL file: micro scores overall and per label, and
/// the kinds of error, so that a change can be judged by more than one number.
public struct CoNLLReport: Sendable {
    public static let labels = ["PER", "ORG", "LOC", "MISC"]

    public var documents = 0
    public var tokens = 0
    public var overall = CoNLLScore()
    public var byLabel: [String: CoNLLScore] = [:]
    /// Predictions with a gold entity's exact span but another label, as "GOLD->PREDICTED".
    public var confusions: [String: Int] = [:]
    /// Predictions that overlap a gold entity without matching its span.
    public var boundaryErrors = 0
    /// Seconds spent extracting (excluding reading and scoring).
    public var extractionSeconds = 0.0

    public init() {}

    public func render() -> String {
        func percent(_ value: Double) -> String {
            let scaled = Int((value * 1000).rounded())
            return "\(scaled / 10).\(scaled % 10)"
        }
        func row(_ name: String, _ score: CoNLLScore) -> String {
            let padded = name.padding(toLength: 8, withPad: " ", startingAt: 0)
            let gold = score.truePositives + score.falseNegatives
            return
                "\(padded) \(percent(score.precision))\t\(percent(score.recall))\t\(percent(score.f1))\t"
                + "\(gold)\t\(score.truePositives + score.falsePositives)\n"
        }
        var out = "\(documents) documents, \(tokens) tokens\n"
        out += "label    P%\tR%\tF1%\tgold\tpredicted\n"
        for label in CoNLLReport.labels { out += row(label, byLabel[label] ?? CoNLLScore()) }
        out += row("overall", overall)
        out += "boundary errors: \(boundaryErrors)\n"
        let confused = confusions.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        if !confused.isEmpty {
            out += "label confusions (gold->predicted): "
            out += confused.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        if extractionSeconds > 0 {
            let rate = Int(Double(tokens) / extractionSeconds)
            out += "extraction: \(Int(extractionSeconds * 1000)) ms, \(rate) tokens/s\n"
        }
        return out
    }
}
