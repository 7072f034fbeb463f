/// The variables statements and expressions read, which decide whether a macro takes `varargs`, `kwargs`
/// or a `caller`.
extension Node {
    /// The names this statement and those inside it read, as often as they appear.
    var usedNames: [String] {
        switch self {
        case .text: []
        case .print(let expression, _): expression.usedNames
        case .conditional(let branches, let otherwise):
            branches.flatMap { $0.test.usedNames + $0.body.flatMap(\.usedNames) } + otherwise.flatMap(\.usedNames)
        case .loop(let loop):
            loop.iterable.usedNames + (loop.condition?.usedNames ?? [])
                + (loop.body + loop.otherwise).flatMap(\.usedNames)
        case .assign(_, let value, _): value.usedNames
        case .assignBlock(_, let filters, let body, _):
            filters.flatMap(\.arguments.usedNames) + body.flatMap(\.usedNames)
        case .macro(let macro): macro.defaults.flatMap(\.usedNames) + macro.body.flatMap(\.usedNames)
        case .callBlock(let caller, let call, _):
            call.usedNames + caller.defaults.flatMap(\.usedNames) + caller.body.flatMap(\.usedNames)
        case .filterBlock(let filters, let body, _):
            filters.flatMap(\.arguments.usedNames) + body.flatMap(\.usedNames)
        case .with(_, let values, let body, _): values.flatMap(\.usedNames) + body.flatMap(\.usedNames)
        case .include(let include): include.names.usedNames
        case .importModule(let reference, _, _), .importNames(let reference, _, _): reference.name.usedNames
        }
    }
}

extension Expression {
    /// The names this expression reads, as often as they appear.
    var usedNames: [String] {
        switch self {
        case .literal: []
        case .name(let name): [name]
        case .list(let items), .tuple(let items), .concatenation(let items): items.flatMap(\.usedNames)
        case .dictionary(let pairs): pairs.flatMap { $0.key.usedNames + $0.value.usedNames }
        case .binary(_, let left, let right), .and(let left, let right), .or(let left, let right),
            .item(let left, let right):
            left.usedNames + right.usedNames
        case .comparison(let first, let rest): first.usedNames + rest.flatMap(\.1.usedNames)
        case .not(let operand), .negative(let operand), .positive(let operand), .attribute(let operand, _):
            operand.usedNames
        case .conditional(let test, let value, let otherwise, _):
            test.usedNames + value.usedNames + (otherwise?.usedNames ?? [])
        case .slice(let start, let stop, let step): [start, stop, step].flatMap { $0?.usedNames ?? [] }
        case .call(let callee, let arguments): callee.usedNames + arguments.usedNames
        case .filter(let value, let filter): value.usedNames + filter.arguments.usedNames
        case .test(let value, let test, _): value.usedNames + test.arguments.usedNames
        }
    }
}

extension CallArguments {
    /// The names the arguments read.
    var usedNames: [String] {
        (positional + keyword.map(\.value) + [positionalSequence, keywordDictionary].compactMap { $0 })
            .flatMap(\.usedNames)
    }
}
