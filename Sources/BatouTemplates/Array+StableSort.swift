extension Array {
    /// The elements in order by a comparison that may fail, keeping equal elements in their
    /// original order as Python's `sorted` does.
    ///
    /// ```swift
    /// try values.stablySorted { a, b throws(TemplateFailure) in try a.isLess(than: b) }
    /// ```
    func stablySorted<Failure: Error>(
        by isOrderedBefore: (Element, Element) throws(Failure) -> Bool
    ) throws(Failure) -> [Element] {
        guard count > 1 else { return self }
        let middle = count / 2
        let left = try Array(self[..<middle]).stablySorted(by: isOrderedBefore)
        let right = try Array(self[middle...]).stablySorted(by: isOrderedBefore)
        var merged: [Element] = []
        merged.reserveCapacity(count)
        var leftIndex = 0
        var rightIndex = 0
        while leftIndex < left.count && rightIndex < right.count {
            if try isOrderedBefore(right[rightIndex], left[leftIndex]) {
                merged.append(right[rightIndex])
                rightIndex += 1
            } else {
                merged.append(left[leftIndex])
                leftIndex += 1
            }
        }
        return merged + left[leftIndex...] + right[rightIndex...]
    }
}
