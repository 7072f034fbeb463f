import BatouTemplates

/// A component as templates see it.
final class ComponentTemplateObject: TemplateObject {
    private let component: Component
    private lazy var properties = ReflectedObject(component, mirror: Mirror(reflecting: component))

    init(_ component: Component) {
        self.component = component
    }

    func attribute(_ name: String) -> TemplateValue? {
        switch name {
        case "host": component.host.templateValue
        case "environment": component.environment.templateValue
        case "workdir": .string(component.workdir)
        case "defdir": .string(component.defdir)
        case "parent": component.parent.map(\.templateValue) ?? TemplateValue.none
        case "root": component.root.templateValue
        default: properties.attribute(name)
        }
    }

    var text: String { component.breadcrumbs }
}
