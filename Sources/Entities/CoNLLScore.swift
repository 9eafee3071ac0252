/// Entity-level counts for one label (or all): a predicted entity is right only with the gold
/// entity's exact span and label.
public struct CoNLLScore: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    public var precision: Double {
        truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    public var recall: Double {
        truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    static func += (left: inout CoNLLScore, right: CoNLLScore) {
        left.truePositives += right.truePositives
        left.falsePositives += right.falsePositives
        left.falseNegatives += right.falseNegatives
    }
}
