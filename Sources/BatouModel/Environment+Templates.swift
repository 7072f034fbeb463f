public import BatouTemplates

extension Environment: TemplateValueConvertible {
    /// `name`, `base_dir`, `workdir_base`, `host_domain`, `service_user`, `platform`,
    /// `timeout`, `target_directory`, `connect_method` and `hosts` (by name), as in batou.
    public var templateValue: TemplateValue {
        [
            "name": .string(name), "base_dir": .string(baseDirectory), "workdir_base": .string(workdirBase),
            "host_domain": hostDomain.templateValue, "service_user": serviceUser.templateValue,
            "platform": platform.templateValue, "timeout": .integer(timeout),
            "target_directory": .string(targetDirectory), "connect_method": .string(connectMethod.description),
            "hosts": .dictionary(TemplateDictionary(entries: hosts.map { (.string($0.name), $0.templateValue) })),
        ]
    }
}
