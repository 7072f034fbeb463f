/// A secrets file as Python batou 2.7 writes it, made with its `DiffableAGEEncryptedFile`
/// from the cleartext below, and the throwaway test key it is encrypted to.
///
/// ```ini
/// [batou]
/// members = age16g27ugkj0yzxhel7347s4wdxdwznw2hv9dun0td96utucvtsa5xsxzprtf
/// secret_provider = age-diffable
///
/// # Greetings for the hello component.
/// [component:hello]
/// greeting = Moin from batou
/// lines =
///     first
///     second
/// empty =
///
/// [host:localhost]
/// data-alias = foo
/// ```
enum BatouWrittenFixture {
    static let identity = "AGE-SECRET-KEY-1Y9CHRZT7K3UQMHZHG5WR59EQMM63NSF7X30EJ7M5A6DY7X6FWYTS8EYSEP"
    static let recipient = "age16g27ugkj0yzxhel7347s4wdxdwznw2hv9dun0td96utucvtsa5xsxzprtf"

    /// `secrets.cfg.age-diffable`; batou leaves the empty value empty, with the space after `=`.
    static let ageDiffable =
        [
            "[batou]",
            "members = age16g27ugkj0yzxhel7347s4wdxdwznw2hv9dun0td96utucvtsa5xsxzprtf",
            "secret_provider = age-diffable",
            "",
            "# Greetings for the hello component.",
            "[component:hello]",
            "greeting = YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBYZ1l4Uy9nOGVkT0FPck5nMnlZYmFxdmZPeEo0cWkzTkRScTBwK1l3NTJ3CnlyNjNhZGFaOTY1TWlBbHMzRFo5eXpEbWNnQTBSOG9ObHNidFA5SlU5bG8KLS0tIDYxL25JY0hPYUt5WWNEMmpjemROcUhJbWlJbmNXeEhaS0ZZdi9kaHBQeE0Kp1X9k0xNMSKUpolFINkOWNvnVrKb4wj4zcpVtrLZBhU+7alFUVc68b7lnEXDOPM=",
            "lines = YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBqNkFNNnExREFoaU1tUDlXT0c1bzNSQlFTNGhwekVranFnOVNzRE5hd3dZCnRLdUIzdEJNcWNuTmZSZkVEWWx5TkMyMkN6cGVsL0x0M3k5c2RPN3VCTWcKLS0tIEJNR3lqV2hXeG1hYXhzOVJ3MjNqblZEdGVsNVg2RkJETzd5dnBvbGF6UkEK32oSOd/qUbhchB8z+lQ4+R7fSrc+YXPkjjLIR8/nRPPvuROtAO65GsXP77iN",
            "empty = ",
            "",
            "[host:localhost]",
            "data-alias = YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSAxdVltb0h3UU16aEx3UWVhbnV6eGFFeTVWSXNGZFpzQkR0ajdRWFZrRzFZCjNlaWlLb01hcTJCR0xHZkl5aWFQNnMzeG91MW9hSWpHeTRsb1EvSytoQncKLS0tIG5pUzN1VXpOaWZsTVhkV2IydXdlRVFDWUNVOGNZdzdGMnJiRUlINFVFK0kKqG17/2cQ+fTb2yaQ6eP0+fNJnyyXT/6f2XaEc42waQ3pVHc=",
        ].joined(separator: "\n") + "\n"
}
