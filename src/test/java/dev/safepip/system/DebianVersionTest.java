package dev.safepip.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianVersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # Debian version            | upstream
            2.28.1+dfsg-1               | 2.28.1
            1:2.28.1+dfsg-1             | 2.28.1
            4.11.2-2                    | 4.11.2
            3.0.0~rc1-1                 | 3.0.0rc1
            1.0~b2-3                    | 1.0b2
            2.0~alpha1-1                | 2.0alpha1
            6.0-3+b2                    | 6.0
            3.11.0+dfsg1-4              | 3.11.0
            1.26.12-1~bpo11+1           | 1.26.12
            1.0+ds1-2+deb12u1           | 1.0
            2.0+really1.9-1             | 1.9
            0.9.6+git20230405.abc123-1  | 0.9.6
            1.0~git20200101.abc-1       | 1.0.dev0
            1.2.3~dfsg-1                | 1.2.3
            20230101                    | 20230101
            2:3.4                       | 3.4
            1.0-rc1-2                   | 1.0-rc1
            0.7.2-2                     | 0.7.2
            """)
    void upstreamPart(String debian, String upstream) {
        assertEquals(upstream, DebianVersion.upstream(debian));
    }

    @ParameterizedTest(name = "{1} {0} for {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            # Debian version  | project  | specifier     | PyPI's version
            20230203-1        | tifffile | >=2026.3.3    | 2023.2.3
            2023.2.3-1        | tifffile | >=2026.3.3    | 2023.2.3
            0.1.20221031-1    | regex    | >=2022.1.1    | 2022.10.31
            20230203-1        | oddball  | >=20230101    | 20230203
            20231345-1        | tifffile | >=2023        | NONE
            3.21.12-3         | protobuf | >=4           | 4.21.12
            3.20.3-1          | protobuf | <4            | 3.20.3
            25.3-1            | protobuf | >=4           | 4.25.3
            28.2-1            | protobuf | >=5           | 5.28.2
            21.5-1            | protobuf | >=4           | NONE
            2.28.1+dfsg-1     | requests | >=2           | 2.28.1
            """)
    void pypiScheme(String debian, String project, String specifier, String pypi) {
        assertEquals(pypi, DebianVersion.pypi(debian, project, specifier));
    }
}
