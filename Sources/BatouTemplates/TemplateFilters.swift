/// A filter, `{{ value | name(arguments) }}`: a function of the value and the arguments.
///
/// ```swift
/// let indent = TemplateFilters.filter(named: "indent")
/// try indent?("a\nb", TemplateArguments(positional: [2]))   // "a\n  b"
/// ```
public typealias TemplateFilter = (TemplateValue, TemplateArguments) throws(TemplateFailure) -> TemplateValue

/// Jinja2's builtin filters, behaving as in Jinja2 3.1 and taking the same arguments,
/// by position or by keyword.
///
/// ```swift
/// let sort = TemplateFilters.filter(named: "sort")
/// try sort?(["b", "A", "c"], TemplateArguments(keyword: [("reverse", true)]))   // ["c", "b", "A"]
/// ```
///
/// Filters get undefined values as they are: `default` replaces them, the others fail as
/// under Jinja2's `StrictUndefined`. Filters that produce a generator in Jinja2 (`map`,
/// `select`, `batch`…) produce a list. `random`, `urlize` and `lipsum` are not provided.
public enum TemplateFilters {
    /// The builtin filter called `name`, or `nil` when there is none.
    public static func filter(named name: String) -> TemplateFilter? {
        switch name {
        case "abs": absolute
        case "attr": attribute
        case "batch": batch
        case "capitalize": capitalize
        case "center": center
        case "count", "length": length
        case "d", "default": defaulting
        case "dictsort": dictsort
        case "e", "escape": escape
        case "filesizeformat": fileSizeFormat
        case "first": first
        case "float": float
        case "forceescape": forceEscape
        case "format": format
        case "groupby": groupBy
        case "indent": indent
        case "int": integer
        case "items": items
        case "join": join
        case "last": last
        case "list": list
        case "lower": lower
        case "map": map
        case "max": maximum
        case "min": minimum
        case "pprint": prettyPrint
        case "reject": reject
        case "rejectattr": rejectAttribute
        case "replace": replace
        case "reverse": reverse
        case "round": round
        case "safe": safe
        case "select": select
        case "selectattr": selectAttribute
        case "slice": slice
        case "sort": sort
        case "string": string
        case "striptags": stripTags
        case "sum": sum
        case "title": title
        case "tojson": toJSON
        case "trim": trim
        case "truncate": truncate
        case "unique": unique
        case "upper": upper
        case "urlencode": urlEncode
        case "wordcount": wordCount
        case "wordwrap": wordWrap
        case "xmlattr": xmlAttributes
        default: nil
        }
    }

    // MARK: - Helpers

    /// The arguments bound to a filter's parameters after the value.
    static func bind(
        _ arguments: TemplateArguments,
        _ parameters: [String],
        of filter: String,
        required: Int = 0
    ) throws(TemplateFailure) -> BoundArguments {
        try BoundArguments(arguments, to: parameters, of: filter, required: required)
    }

    /// A failure of a filter's arguments, as Jinja2's `FilterArgumentError`.
    static func argumentError(_ message: String) -> TemplateFailure {
        TemplateFailure(.runtime, message)
    }
}
