public import BatouTemplates

extension Host: TemplateValueConvertible {
    /// `name`, `fqdn`, `data`, `platform`, `service_user` and `ignore`, as in batou.
    public var templateValue: TemplateValue {
        [
            "name": .string(name), "fqdn": .string(fqdn), "data": data.templateValue,
            "platform": platform.templateValue, "service_user": serviceUser.templateValue,
            "ignore": .boolean(isIgnored),
        ]
    }
}
