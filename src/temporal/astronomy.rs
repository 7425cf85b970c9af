//! Just enough astronomy to place lunar holidays: new moons, the Sun's longitude, and
//! whether the Moon sets after the Sun. Lunisolar and lunar calendars (Chinese New
//! Year, Tet, Saudi Arabia's Umm al-Qura months) are defined by these events, not by
//! arithmetic cycles, so a table-free tagger must compute them. The series are the
//! truncated ones of Jean Meeus, *Astronomical Algorithms* (2nd ed.), chapters 25, 47
//! and 49: new moons to about a minute, the Sun to 0.01°, the Moon to about 0.02°,
//! which decides the day except when an event falls within minutes of midnight.

use chrono::{NaiveDate, NaiveDateTime};

/// Julian Day of 1970-01-01T00:00 UTC.
const UNIX_EPOCH_JD: f64 = 2_440_587.5;
const J2000: f64 = 2_451_545.0;

/// A moment as a Julian Day, in Universal Time.
pub type JulianDay = f64;

fn sin_deg(degrees: f64) -> f64 {
    degrees.to_radians().sin()
}

fn cos_deg(degrees: f64) -> f64 {
    degrees.to_radians().cos()
}

/// The moment `jd` as a date and time at `utc_offset_hours` east of Greenwich.
pub fn local_time(jd: JulianDay, utc_offset_hours: f64) -> Option<NaiveDateTime> {
    let seconds = (jd - UNIX_EPOCH_JD + utc_offset_hours / 24.0) * 86_400.0;
    if !seconds.is_finite() || seconds.abs() > 1e13 {
        return None;
    }
    chrono::DateTime::from_timestamp(seconds.round() as i64, 0).map(|t| t.naive_utc())
}

/// The civil day `jd` falls on at `utc_offset_hours`.
pub fn local_date(jd: JulianDay, utc_offset_hours: f64) -> Option<NaiveDate> {
    local_time(jd, utc_offset_hours).map(|t| t.date())
}

/// Julian Day of `date` at `hours` past midnight UTC.
pub fn julian_day(date: NaiveDate, hours: f64) -> JulianDay {
    // chrono's default date is the Unix epoch.
    let days = (date - NaiveDate::default()).num_days() as f64;
    UNIX_EPOCH_JD + days + hours / 24.0
}

/// ΔT = TT − UT in days: the clock the series run on less the clock of the civil day.
/// Espenak and Meeus's polynomials, coarsened; a minute's error moves nothing here.
fn delta_t_days(year: f64) -> f64 {
    let seconds = if year < 1900.0 {
        -2.0
    } else if year < 1941.0 {
        let t = year - 1920.0;
        21.2 + 0.84493 * t - 0.0761 * t * t
    } else if year < 1961.0 {
        let t = year - 1950.0;
        29.07 + 0.407 * t - t * t / 233.0 + t * t * t / 2547.0
    } else if year < 1986.0 {
        let t = year - 1975.0;
        45.45 + 1.067 * t - t * t / 260.0 - t * t * t / 718.0
    } else if year < 2005.0 {
        let t = year - 2000.0;
        63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t.powi(3) + 0.000651814 * t.powi(4)
    } else if year < 2050.0 {
        let t = year - 2000.0;
        62.92 + 0.32217 * t + 0.005589 * t * t
    } else {
        let u = (year - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u - 0.5628 * (2150.0 - year).max(0.0)
    };
    seconds / 86_400.0
}

/// The new moon of lunation `k` (0: 6 January 2000), in UT.
pub fn new_moon(k: i64) -> JulianDay {
    let k = k as f64;
    let t = k / 1236.85;
    let jde = 2_451_550.097_66 + 29.530_588_861 * k + 0.000_154_37 * t * t
        - 0.000_000_150 * t.powi(3)
        + 0.000_000_000_73 * t.powi(4);
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t * t;
    let m = 2.5534 + 29.105_356_70 * k - 0.000_001_4 * t * t;
    let mp = 201.5643 + 385.816_935_28 * k + 0.010_758_2 * t * t + 0.000_012_38 * t.powi(3);
    let f = 160.7108 + 390.670_502_84 * k - 0.001_611_8 * t * t - 0.000_002_27 * t.powi(3);
    let omega = 124.7746 - 1.563_755_88 * k + 0.002_067_2 * t * t;
    let periodic = -0.40720 * sin_deg(mp)
        + 0.17241 * e * sin_deg(m)
        + 0.01608 * sin_deg(2.0 * mp)
        + 0.01039 * sin_deg(2.0 * f)
        + 0.00739 * e * sin_deg(mp - m)
        - 0.00514 * e * sin_deg(mp + m)
        + 0.00208 * e * e * sin_deg(2.0 * m)
        - 0.00111 * sin_deg(mp - 2.0 * f)
        - 0.00057 * sin_deg(mp + 2.0 * f)
        + 0.00056 * e * sin_deg(2.0 * mp + m)
        - 0.00042 * sin_deg(3.0 * mp)
        + 0.00042 * e * sin_deg(m + 2.0 * f)
        + 0.00038 * e * sin_deg(m - 2.0 * f)
        - 0.00024 * e * sin_deg(2.0 * mp - m)
        - 0.00017 * sin_deg(omega)
        - 0.00007 * sin_deg(mp + 2.0 * m)
        + 0.00004 * sin_deg(2.0 * mp - 2.0 * f)
        + 0.00004 * sin_deg(3.0 * m)
        + 0.00003 * sin_deg(mp + m - 2.0 * f)
        + 0.00003 * sin_deg(2.0 * mp + 2.0 * f)
        - 0.00003 * sin_deg(mp + m + 2.0 * f)
        + 0.00003 * sin_deg(mp - m + 2.0 * f)
        - 0.00002 * sin_deg(mp - m - 2.0 * f)
        - 0.00002 * sin_deg(3.0 * mp + m)
        + 0.00002 * sin_deg(4.0 * mp);
    // The planets' pull (Meeus table 49.A's "additional corrections").
    let planetary = 0.000_325 * sin_deg(299.77 + 0.107_408 * k - 0.009_173 * t * t)
        + [
            (251.88, 0.016_321, 0.000_165),
            (251.83, 26.651_886, 0.000_164),
            (349.42, 36.412_478, 0.000_126),
            (84.66, 18.206_239, 0.000_110),
            (141.74, 53.303_771, 0.000_062),
            (207.14, 2.453_732, 0.000_060),
            (154.84, 7.306_860, 0.000_056),
            (34.52, 27.261_239, 0.000_047),
            (207.19, 0.121_824, 0.000_042),
            (291.34, 1.844_379, 0.000_040),
            (161.72, 24.198_154, 0.000_037),
            (239.56, 25.513_099, 0.000_035),
            (331.55, 3.592_518, 0.000_023),
        ]
        .iter()
        .map(|(base, rate, amplitude)| amplitude * sin_deg(base + rate * k))
        .sum::<f64>();
    let tt = jde + periodic + planetary;
    tt - delta_t_days(2000.0 + k / 12.3685)
}

/// The lunation whose new moon falls nearest `jd`.
pub fn lunation_near(jd: JulianDay) -> i64 {
    let guess = ((jd - 2_451_550.1) / 29.530_588_861).round() as i64;
    (guess - 1..=guess + 1)
        .min_by(|a, b| {
            let da = (new_moon(*a) - jd).abs();
            let db = (new_moon(*b) - jd).abs();
            da.total_cmp(&db)
        })
        .unwrap_or(guess)
}

/// Julian centuries of TT from J2000.
fn centuries(jd: JulianDay) -> f64 {
    let year = 2000.0 + (jd - J2000) / 365.25;
    (jd + delta_t_days(year) - J2000) / 36_525.0
}

fn normalize(degrees: f64) -> f64 {
    degrees.rem_euclid(360.0)
}

/// The Sun's apparent ecliptic longitude at `jd`, in degrees (0 at the March equinox).
pub fn solar_longitude(jd: JulianDay) -> f64 {
    sun(jd).0
}

/// (apparent longitude, mean longitude) of the Sun, degrees.
fn sun(jd: JulianDay) -> (f64, f64) {
    let t = centuries(jd);
    let mean_longitude = 280.466_46 + 36_000.769_83 * t + 0.000_303_2 * t * t;
    let anomaly = 357.529_11 + 35_999.050_29 * t - 0.000_153_7 * t * t;
    let center = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin_deg(anomaly)
        + (0.019_993 - 0.000_101 * t) * sin_deg(2.0 * anomaly)
        + 0.000_289 * sin_deg(3.0 * anomaly);
    let omega = 125.04 - 1_934.136 * t;
    let apparent = mean_longitude + center - 0.005_69 - 0.004_78 * sin_deg(omega);
    (normalize(apparent), normalize(mean_longitude))
}

/// The moment after `after` when the Sun's longitude reaches `longitude` degrees.
pub fn solar_term(longitude: f64, after: JulianDay) -> JulianDay {
    sun_reaches(longitude, after, solar_longitude)
}

/// Step to the moment `position` (one of the Sun's longitudes) reaches `longitude`:
/// the Sun moves about a degree a day, so a few steps of a year's mean rate settle it.
fn sun_reaches(longitude: f64, after: JulianDay, position: fn(JulianDay) -> f64) -> JulianDay {
    let gap = normalize(longitude - position(after));
    let mut jd = after + gap * 365.2422 / 360.0;
    for _ in 0..6 {
        let error = (longitude - position(jd) + 540.0).rem_euclid(360.0) - 180.0;
        jd += error * 365.2422 / 360.0;
    }
    jd
}

/// The moment after `after` when the Sun's sidereal longitude reaches `longitude`.
pub fn solar_term_sidereal(longitude: f64, after: JulianDay) -> JulianDay {
    sun_reaches(longitude, after, sidereal_solar_longitude)
}

fn obliquity(t: f64) -> f64 {
    23.439_291 - 0.013_004_2 * t
}

/// Ecliptic (longitude, latitude) to (right ascension, declination), degrees.
fn equatorial(longitude: f64, latitude: f64, t: f64) -> (f64, f64) {
    let e = obliquity(t);
    let ra = (sin_deg(longitude) * cos_deg(e) - latitude.to_radians().tan() * sin_deg(e))
        .atan2(cos_deg(longitude))
        .to_degrees();
    let dec = (sin_deg(latitude) * cos_deg(e)
        + cos_deg(latitude) * sin_deg(e) * sin_deg(longitude))
    .asin()
    .to_degrees();
    (normalize(ra), dec)
}

/// The Moon's geocentric ecliptic (longitude, latitude), degrees: the largest terms
/// of Meeus's tables 47.A and 47.B.
fn moon(jd: JulianDay) -> (f64, f64) {
    let t = centuries(jd);
    let mean_longitude = 218.316_447_7 + 481_267.881_234_21 * t;
    let d = 297.850_192_1 + 445_267.111_403_4 * t;
    let m = 357.529_109_2 + 35_999.050_290_9 * t;
    let mp = 134.963_396_4 + 477_198.867_505_5 * t;
    let f = 93.272_095_0 + 483_202.017_523_3 * t;
    let e = 1.0 - 0.002_516 * t;
    let term = |cd: f64, cm: f64, cmp: f64, cf: f64| {
        let factor = e.powi(cm.abs() as i32);
        (cd * d + cm * m + cmp * mp + cf * f, factor)
    };
    const LONGITUDE: [(f64, f64, f64, f64, f64); 25] = [
        (0.0, 0.0, 1.0, 0.0, 6_288_774.0),
        (2.0, 0.0, -1.0, 0.0, 1_274_027.0),
        (2.0, 0.0, 0.0, 0.0, 658_314.0),
        (0.0, 0.0, 2.0, 0.0, 213_618.0),
        (0.0, 1.0, 0.0, 0.0, -185_116.0),
        (0.0, 0.0, 0.0, 2.0, -114_332.0),
        (2.0, 0.0, -2.0, 0.0, 58_793.0),
        (2.0, -1.0, -1.0, 0.0, 57_066.0),
        (2.0, 0.0, 1.0, 0.0, 53_322.0),
        (2.0, -1.0, 0.0, 0.0, 45_758.0),
        (0.0, 1.0, -1.0, 0.0, -40_923.0),
        (1.0, 0.0, 0.0, 0.0, -34_720.0),
        (0.0, 1.0, 1.0, 0.0, -30_383.0),
        (2.0, 0.0, 0.0, -2.0, 15_327.0),
        (0.0, 0.0, 1.0, 2.0, -12_528.0),
        (0.0, 0.0, 1.0, -2.0, 10_980.0),
        (4.0, 0.0, -1.0, 0.0, 10_675.0),
        (0.0, 0.0, 3.0, 0.0, 10_034.0),
        (4.0, 0.0, -2.0, 0.0, 8_548.0),
        (2.0, 1.0, -1.0, 0.0, -7_888.0),
        (2.0, 1.0, 0.0, 0.0, -6_766.0),
        (1.0, 0.0, -1.0, 0.0, -5_163.0),
        (1.0, 1.0, 0.0, 0.0, 4_987.0),
        (2.0, -1.0, 1.0, 0.0, 4_036.0),
        (2.0, 0.0, 2.0, 0.0, 3_994.0),
    ];
    const LATITUDE: [(f64, f64, f64, f64, f64); 13] = [
        (0.0, 0.0, 0.0, 1.0, 5_128_122.0),
        (0.0, 0.0, 1.0, 1.0, 280_602.0),
        (0.0, 0.0, 1.0, -1.0, 277_693.0),
        (2.0, 0.0, 0.0, -1.0, 173_237.0),
        (2.0, 0.0, -1.0, 1.0, 55_413.0),
        (2.0, 0.0, -1.0, -1.0, 46_271.0),
        (2.0, 0.0, 0.0, 1.0, 32_573.0),
        (0.0, 0.0, 2.0, 1.0, 17_198.0),
        (2.0, 0.0, 1.0, -1.0, 9_266.0),
        (0.0, 0.0, 2.0, -1.0, 8_822.0),
        (2.0, -1.0, 0.0, -1.0, 8_216.0),
        (2.0, 0.0, -2.0, -1.0, 4_324.0),
        (2.0, 0.0, 1.0, 1.0, 4_200.0),
    ];
    let sum = |table: &[(f64, f64, f64, f64, f64)]| -> f64 {
        table
            .iter()
            .map(|&(cd, cm, cmp, cf, amplitude)| {
                let (argument, factor) = term(cd, cm, cmp, cf);
                amplitude * factor * sin_deg(argument)
            })
            .sum()
    };
    let a1 = 119.75 + 131.849 * t;
    let a2 = 53.09 + 479_264.290 * t;
    let a3 = 313.45 + 481_266.484 * t;
    let sigma_l = sum(&LONGITUDE)
        + 3_958.0 * sin_deg(a1)
        + 1_962.0 * sin_deg(mean_longitude - f)
        + 318.0 * sin_deg(a2);
    let sigma_b = sum(&LATITUDE) - 2_235.0 * sin_deg(mean_longitude)
        + 382.0 * sin_deg(a3)
        + 175.0 * sin_deg(a1 - f)
        + 175.0 * sin_deg(a1 + f)
        + 127.0 * sin_deg(mean_longitude - mp)
        - 115.0 * sin_deg(mean_longitude + mp);
    let omega = 125.04 - 1_934.136 * t;
    let nutation = -0.004_78 * sin_deg(omega);
    (
        normalize(mean_longitude + sigma_l / 1e6 + nutation),
        sigma_b / 1e6,
    )
}

/// A place on Earth: latitude north and longitude east, degrees.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub latitude: f64,
    pub longitude: f64,
}

/// Mecca, whose horizon the Umm al-Qura calendar reads.
pub const MECCA: Place = Place {
    latitude: 21.4225,
    longitude: 39.8262,
};

/// Hour angle (degrees) at which a body of declination `dec` reaches altitude `h0`.
fn setting_hour_angle(place: Place, dec: f64, h0: f64) -> Option<f64> {
    let cos_h = (sin_deg(h0) - sin_deg(place.latitude) * sin_deg(dec))
        / (cos_deg(place.latitude) * cos_deg(dec));
    (-1.0..=1.0)
        .contains(&cos_h)
        .then(|| cos_h.acos().to_degrees())
}

/// Sunset at `place` on the UT date `date` (the evening of that day in Asia, Africa
/// and Europe), as a Julian Day.
pub fn sunset(place: Place, date: NaiveDate) -> Option<JulianDay> {
    sun_on_horizon(place, date, 1.0)
}

/// Sunrise at `place` on the UT date `date` (east of Greenwich, the morning of that
/// civil day), as a Julian Day.
pub fn sunrise(place: Place, date: NaiveDate) -> Option<JulianDay> {
    sun_on_horizon(place, date, -1.0)
}

/// The Sun crosses the horizon after local noon (`side` 1) or before it (-1).
fn sun_on_horizon(place: Place, date: NaiveDate, side: f64) -> Option<JulianDay> {
    // Start at local noon and refine: the Sun moves little in a day.
    let mut jd = julian_day(date, 12.0 - place.longitude / 15.0);
    for _ in 0..3 {
        let t = centuries(jd);
        let (apparent, mean) = sun(jd);
        let (ra, dec) = equatorial(apparent, 0.0, t);
        // Equation of time: how far the true Sun runs ahead of the mean one.
        let equation = ((mean - 0.005_718_3 - ra + 540.0).rem_euclid(360.0) - 180.0) * 4.0;
        let noon_utc_minutes = 720.0 - 4.0 * place.longitude - equation;
        let h = setting_hour_angle(place, dec, -0.833)?;
        jd = julian_day(date, (noon_utc_minutes + side * 4.0 * h) / 60.0);
    }
    Some(jd)
}

/// The lunar day (tithi, 1 to 30) at `jd`: the twelve-degree step the Moon has
/// drawn ahead of the Sun since the new moon. 15 is the full moon's, 30 the new's.
pub fn lunar_day(jd: JulianDay) -> u32 {
    let elongation = normalize(moon(jd).0 - sun(jd).0);
    (elongation / 12.0).floor() as u32 % 30 + 1
}

/// The Sun's sidereal longitude (Lahiri's ayanamsa), as Indian calendars count the
/// signs: 0 as the Sun enters Mesha (mid-April).
pub fn sidereal_solar_longitude(jd: JulianDay) -> f64 {
    let years = (jd - J2000) / 365.25;
    normalize(solar_longitude(jd) - (23.853 + 0.013_97 * years))
}

/// Does the Moon set after the Sun at `place`, on the evening of `jd` (a sunset)?
pub fn moon_sets_after_sun(place: Place, jd: JulianDay) -> bool {
    let t = centuries(jd);
    let (sun_longitude, _) = sun(jd);
    let (sun_ra, sun_dec) = equatorial(sun_longitude, 0.0, t);
    let (moon_longitude, moon_latitude) = moon(jd);
    let (moon_ra, moon_dec) = equatorial(moon_longitude, moon_latitude, t);
    // The Moon's parallax (about 0.95°) lowers it; refraction and its radius raise it.
    let (Some(sun_h), Some(moon_h)) = (
        setting_hour_angle(place, sun_dec, -0.833),
        setting_hour_angle(place, moon_dec, 0.125),
    ) else {
        return false;
    };
    // Each sets when the sidereal time reaches its right ascension plus its hour angle.
    let lag = (moon_ra + moon_h - sun_ra - sun_h + 540.0).rem_euclid(360.0) - 180.0;
    lag > 0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes_apart(jd: JulianDay, utc: &str) -> i64 {
        let expected = NaiveDateTime::parse_from_str(utc, "%Y-%m-%d %H:%M").unwrap();
        (local_time(jd, 0.0).unwrap() - expected)
            .num_minutes()
            .abs()
    }

    #[test]
    fn new_moons_within_minutes_of_the_almanac() {
        for utc in [
            "2013-01-11 19:44",
            "2018-06-13 19:43",
            "2019-10-28 03:38",
            "2024-04-08 18:21",
        ] {
            let date = NaiveDate::parse_from_str(&utc[..10], "%Y-%m-%d").unwrap();
            let k = lunation_near(julian_day(date, 12.0));
            assert!(minutes_apart(new_moon(k), utc) <= 3, "{utc}");
        }
    }

    #[test]
    fn solstices_and_equinoxes_within_minutes() {
        for (longitude, utc) in [
            (270.0, "2013-12-21 17:11"),
            (0.0, "2024-03-20 03:06"),
            (90.0, "2020-06-20 21:43"),
        ] {
            let date = NaiveDate::parse_from_str(&utc[..10], "%Y-%m-%d").unwrap();
            let jd = solar_term(longitude, julian_day(date, 0.0) - 20.0);
            assert!(minutes_apart(jd, utc) <= 15, "{utc}");
        }
    }

    #[test]
    fn sunset_at_mecca() {
        // Almanac: 19:06 local (UTC+3) on 21 June 2020, 17:38 on 7 December 1999.
        let june = sunset(MECCA, NaiveDate::from_ymd_opt(2020, 6, 21).unwrap()).unwrap();
        assert!(minutes_apart(june, "2020-06-21 16:06") <= 4);
        let december = sunset(MECCA, NaiveDate::from_ymd_opt(1999, 12, 7).unwrap()).unwrap();
        assert!(minutes_apart(december, "1999-12-07 14:38") <= 4);
    }

    #[test]
    fn moonset_against_sunset_at_mecca() {
        // 7 December 1999: the Sun set at 17:38 and the Moon at 17:29, local time.
        let date = NaiveDate::from_ymd_opt(1999, 12, 7).unwrap();
        assert!(!moon_sets_after_sun(MECCA, sunset(MECCA, date).unwrap()));
        // A day later the Moon, 12° further east, sets well after the Sun.
        let next = date.succ_opt().unwrap();
        assert!(moon_sets_after_sun(MECCA, sunset(MECCA, next).unwrap()));
    }
}
