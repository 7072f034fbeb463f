/// One group of the `groupby` filter: a `(grouper, list)` tuple whose parts are also its
/// attributes, as Jinja2's `_GroupTuple`.
///
/// ```
/// {% for group in users|groupby("city") %}{{ group.grouper }}: {{ group.list|length }}{% endfor %}
/// {% for city, members in users|groupby("city") %}…{% endfor %}
/// ```
final class TemplateGroup: TemplateObject {
    let grouper: TemplateValue
    let list: [TemplateValue]

    init(grouper: TemplateValue, list: [TemplateValue]) {
        self.grouper = grouper
        self.list = list
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "grouper": grouper
        case "list": .list(list)
        default: nil
        }
    }

    var text: String { TemplateValue.tuple([grouper, .list(list)]).repr }

    var elements: [TemplateValue]? { [grouper, .list(list)] }
}
