import ForecastEngine

/// The engine tests' catalogues: fixed test inputs (the 1+3+4 industries and 其他, seven carriers)
/// whose weights are chosen for these tests and are NOT the Binhai dataset's defaults — those
/// live only in `Sources/Datasets/Resources/binhai-default/industries.csv` and `carriers.csv`.
public enum EngineTestCatalogue {
    public static let industries: [Industry] = [
        Industry(id: "intelligent_tech", name: .init(zh: "智能科技", en: "Intelligent technology"), leadShare: 0.06),
        Industry(id: "biomedicine", name: .init(zh: "生物医药", en: "Biomedicine"), leadShare: 0.03),
        Industry(id: "new_energy", name: .init(zh: "新能源", en: "New energy"), leadShare: 0.03),
        Industry(id: "new_materials", name: .init(zh: "新材料", en: "New materials"), leadShare: 0.03),
        Industry(id: "equipment", name: .init(zh: "装备制造", en: "Equipment manufacturing"), leadShare: 0.045),
        Industry(id: "petrochemicals", name: .init(zh: "石油化工", en: "Petrochemicals"), leadShare: 0.03),
        Industry(id: "automotive", name: .init(zh: "汽车", en: "Automotive"), leadShare: 0.02),
        Industry(id: "aerospace", name: .init(zh: "航空航天", en: "Aerospace"), leadShare: 0.005),
        Industry(id: "other", name: .init(zh: "其他", en: "Other"), leadShare: 0.74),
    ]

    public static let carriers: [Carrier] = [
        Carrier(id: "development_zones", name: .init(zh: "开发区", en: "Development zones"), kind: .developmentZone, leadShare: 0.70),
        Carrier(id: "streets_towns", name: .init(zh: "街镇", en: "Streets and towns"), kind: .streetTown, leadShare: 0.15),
        Carrier(id: "xinchuang_valley", name: .init(zh: "中国信创谷", en: "China Xinchuang Valley"), kind: .themedPark, leadShare: 0.03),
        Carrier(id: "biomanufacturing_valley", name: .init(zh: "生物制造谷", en: "Biomanufacturing Valley"), kind: .themedPark, leadShare: 0.03),
        Carrier(id: "cell_valley", name: .init(zh: "特色细胞谷", en: "Cell Valley"), kind: .themedPark, leadShare: 0.03),
        Carrier(id: "northern_sound_valley", name: .init(zh: "北方声谷", en: "Northern Sound Valley"), kind: .themedPark, leadShare: 0.03),
        Carrier(id: "supercomputing_center", name: .init(zh: "国家超算中心", en: "National Supercomputing Center"), kind: .themedPark, leadShare: 0.03),
    ]
}

extension ForecastParameters {
    /// Engine defaults on the test catalogues.
    public init() { self.init(industries: EngineTestCatalogue.industries, carriers: EngineTestCatalogue.carriers) }

    /// Engine defaults on the test catalogues with `draws` and `seed`.
    public init(draws: Int, seed: UInt64) {
        self.init(industries: EngineTestCatalogue.industries, carriers: EngineTestCatalogue.carriers, draws: draws, seed: seed)
    }
}
