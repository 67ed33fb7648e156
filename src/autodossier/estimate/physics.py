"""A vectorised longitudinal model of a car: launch, acceleration and top speed.

Every function works on numpy arrays, one element per car (or per Monte Carlo
draw), so that calibration over hundreds of cars and thousands of draws per
estimate both stay fast.

The model, from rest:

* traction limit: the driven axle carries a static share of the weight plus
  (RWD) or minus (FWD) the load transferred by acceleration; all four wheels
  pull on an AWD car; force = tyre friction x load on the driven wheels;
* power limit: ``fraction x P / v`` (at low speed no more than peak torque
  through first gear allows), where ``fraction`` is the average share of
  peak power a stepped gearbox keeps usable (it depends on the torque-curve
  shape: naturally aspirated, turbocharged, diesel, electric);
* aerodynamic drag (``Cd x frontal area`` from width and height) and rolling drag;
* gear shifts: a geometric gear ladder whose first gear tops out at a share of
  the drag-limited top speed (gearing follows what the engine could reach, not
  a speed limiter fitted afterwards); each shift loses drive for a time set by
  transmission type;
* top speed where drivetrain-efficient peak power equals drag power, capped by
  the 155 mph (250 km/h) limiter some makers fit, and by a motor limit on EVs.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import numpy as np

# Physical constants.
G = 9.81  # m/s^2
RHO_AIR = 1.2  # kg/m^3, sea level at about 20 C: the conditions makers quote
HP_W = 745.7  # watts per mechanical horsepower (bhp = hp in the claim contract)
MPH = 0.44704  # m/s per mph
KMH = 1 / 3.6  # m/s per km/h
V60MPH = 60 * MPH
V100KMH = 100 * KMH  # = 62.1 mph, what "0-62 mph" figures measure

# Fixed modelling constants (textbook values; not fitted, so the fit stays well posed).
CRR = 0.012  # rolling-resistance coefficient of passenger tyres on asphalt
TEST_LOAD_KG = 75.0  # driver on board during a maker's acceleration test
ROTATING_MASS_FACTOR = 1.08  # wheels, driveline and flywheel add ~8% effective mass
CG_HEIGHT_OVER_WHEELBASE = 0.2  # typical passenger car; sets load transfer under acceleration
FRONTAL_AREA_FILL = 0.84  # frontal area / (width x height): the body is not a rectangle
GEAR_STEP = 1.45  # ratio of successive gears' top speeds in a typical 6-8 speed box
DCT_SHIFT_S = 0.1  # a dual-clutch shift barely interrupts drive; no DCT split in the data
LIMITER_MPH = 155.0  # the German makers' 250 km/h agreement, copied by others
N_SPEED_STEPS = 80  # speed-domain integration steps; error < 0.01 s against 400 steps

# Static share of weight on the driven wheels (front-engined cars).
DRIVEN_AXLE_SHARE = {"fwd": 0.61, "rwd": 0.48, "awd": 1.0}
DRIVES = ("fwd", "rwd", "awd")
TRANSMISSIONS = ("manual", "automatic", "dct", "cvt")
ENGINES = ("petrol_na", "petrol_turbo", "diesel", "ev")


@dataclass
class PhysicsParams:
    """The calibrated parameters (fitted by ``bench/fit_estimate.py`` on measured cars)."""

    frac_petrol_na: float = 0.72  # usable share of peak power, naturally aspirated petrol
    frac_petrol_turbo: float = 0.80  # flatter torque curve keeps more power usable
    frac_diesel: float = 0.75  # flat torque, but a narrow rev band means more shifts
    frac_ev: float = 0.85  # full torque from rest, no shifts
    mu: float = 1.0  # tyre-road friction in a launch (performance tyres on dry tarmac)
    cd: float = 0.32  # drag coefficient
    eta_top: float = 0.85  # drivetrain efficiency at top speed
    shift_manual_s: float = 0.4  # drive lost per manual shift
    shift_auto_s: float = 0.2  # drive lost per torque-converter shift
    first_gear_frac: float = 0.3  # first-gear top speed / top speed
    launch_s: float = 0.2  # clutch engagement / roll-out time
    torque_speed_frac: float = 0.4  # below this share of first-gear top speed, engine
    # force stops rising as 1/v: the engine is below its power peak (peak torque x gearing)

    def to_dict(self) -> dict[str, float]:
        """The parameters as a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "PhysicsParams":
        """Read parameters, ignoring keys this version does not know."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in data.items() if k in names})

    def vector(self) -> np.ndarray:
        """The parameters as an array, in field order (for optimisers)."""
        return np.array([getattr(self, f.name) for f in fields(self)], dtype=float)

    @classmethod
    def from_vector(cls, x: np.ndarray) -> "PhysicsParams":
        """Inverse of :meth:`vector`."""
        return cls(**{f.name: float(v) for f, v in zip(fields(cls), x)})


@dataclass
class Vehicles:
    """Inputs for N cars (or N draws of one car), each field an array of length N."""

    power_w: np.ndarray
    mass_kg: np.ndarray  # curb weight
    drive: np.ndarray  # index into DRIVES
    transmission: np.ndarray  # index into TRANSMISSIONS
    engine: np.ndarray  # index into ENGINES
    width_m: np.ndarray
    height_m: np.ndarray
    limited: np.ndarray  # bool: maker fits a 155 mph limiter
    ev_limit_ms: np.ndarray  # motor-speed limit of EVs (inf for others)
    # Maker per car, lower case ("" unknown): the physics ignores it; the calibration
    # uses it for shrunken per-maker offsets (makers quote their figures differently).
    make: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.power_w)

    def subset(self, idx: np.ndarray) -> "Vehicles":
        """The cars (or draws) at positions ``idx``."""
        return Vehicles(**{f.name: (None if getattr(self, f.name) is None
                                    else getattr(self, f.name)[idx]) for f in fields(self)})


def _engine_fraction(p: PhysicsParams, engine: np.ndarray) -> np.ndarray:
    table = np.array([p.frac_petrol_na, p.frac_petrol_turbo, p.frac_diesel, p.frac_ev])
    return table[engine]


def traction_accel(p: PhysicsParams, drive: np.ndarray) -> np.ndarray:
    """Largest launch acceleration (m/s^2) the tyres allow, with load transfer."""
    share = np.array([DRIVEN_AXLE_SHARE[d] for d in DRIVES])[drive]
    transfer = p.mu * CG_HEIGHT_OVER_WHEELBASE
    # Acceleration loads the rear axle and unloads the front one: a = mu g (s +- a h/(g L)).
    denom = np.select([drive == 0, drive == 1], [1 + transfer, 1 - transfer], 1.0)
    return p.mu * G * share / denom


def drag_limited_speed_ms(p: PhysicsParams, v: Vehicles) -> np.ndarray:
    """Speed in m/s where drivetrain-efficient peak power equals drag power (no limiter)."""
    cda = p.cd * FRONTAL_AREA_FILL * v.width_m * v.height_m
    mass = v.mass_kg + TEST_LOAD_KG
    a3 = 0.5 * RHO_AIR * cda
    a1 = CRR * mass * G
    power = p.eta_top * v.power_w
    # Solve a3 v^3 + a1 v = P by Newton's method (monotone, converges from above).
    speed = np.cbrt(power / a3)
    for _ in range(20):
        speed = speed - (a3 * speed**3 + a1 * speed - power) / (3 * a3 * speed**2 + a1)
    return speed


def top_speed_ms(p: PhysicsParams, v: Vehicles, unlimited_ms: np.ndarray | None = None) -> np.ndarray:
    """Top speed in m/s: drag-limited (``unlimited_ms`` when already solved), then capped by limiters."""
    speed = drag_limited_speed_ms(p, v) if unlimited_ms is None else unlimited_ms
    speed = np.where(v.limited, np.minimum(speed, LIMITER_MPH * MPH), speed)
    return np.minimum(speed, v.ev_limit_ms)


def time_to_speed(p: PhysicsParams, v: Vehicles, target_ms: float,
                  vmax_ms: np.ndarray | None = None,
                  unlimited_ms: np.ndarray | None = None) -> np.ndarray:
    """Seconds from rest to ``target_ms``; NaN where the car cannot reach it.

    ``vmax_ms`` (top speed) and ``unlimited_ms`` (drag-limited speed) are computed when
    not given; :func:`simulate` passes them so two targets share one solve.
    """
    if unlimited_ms is None:
        unlimited_ms = drag_limited_speed_ms(p, v)
    if vmax_ms is None:
        vmax_ms = top_speed_ms(p, v)
    mass = v.mass_kg + TEST_LOAD_KG
    cda = p.cd * FRONTAL_AREA_FILL * v.width_m * v.height_m
    dv = target_ms / N_SPEED_STEPS
    speeds = (np.arange(N_SPEED_STEPS) + 0.5) * dv  # midpoints
    s = speeds[None, :]
    # Gearing is laid out for the speed the car could reach without a 155 mph limiter
    # (an EV's motor limit is a real gearing limit, so it stays).
    v1 = p.first_gear_frac * np.minimum(unlimited_ms, v.ev_limit_ms)
    # Below the torque speed the engine gives at most peak torque through first gear.
    v_torque = np.where(v.engine == ENGINES.index("ev"), 0.0, p.torque_speed_frac * v1)
    # The (cars x speed steps) arithmetic runs in place in two buffers: with thousands of
    # Monte Carlo draws, allocating a fresh array per operation cost as much as the maths.
    force = np.maximum(s, v_torque[:, None])
    np.divide((_engine_fraction(p, v.engine) * v.power_w)[:, None], force, out=force)  # power-limited
    np.minimum(force, (traction_accel(p, v.drive) * mass)[:, None], out=force)  # traction-limited
    drag = 0.5 * RHO_AIR * cda[:, None] * s**2
    np.add(drag, (CRR * mass * G)[:, None], out=drag)
    np.subtract(force, drag, out=force)
    accel = np.divide(force, (ROTATING_MASS_FACTOR * mass)[:, None], out=force)
    stalled = accel <= 0
    with np.errstate(divide="ignore", invalid="ignore"):
        step_s = np.divide(dv, accel, out=accel)
    step_s[stalled] = np.inf
    t = step_s.sum(axis=1)
    # Shifts: gears top out at v1, v1*q, v1*q^2 ...; a continuous count keeps the fit smooth.
    n_shifts = np.maximum(0.0, np.log(target_ms / v1) / np.log(GEAR_STEP))
    shift = np.array([p.shift_manual_s, p.shift_auto_s, min(DCT_SHIFT_S, p.shift_auto_s),
                      p.shift_auto_s])[v.transmission]
    n_shifts = np.where(v.engine == ENGINES.index("ev"), 0.0, n_shifts)
    t = t + p.launch_s + n_shifts * shift
    return np.where(np.isfinite(t) & (vmax_ms > target_ms), t, np.nan)


def simulate(p: PhysicsParams, v: Vehicles) -> dict[str, np.ndarray]:
    """0-60 mph (s), 0-100 km/h (s) and top speed (mph) for every car."""
    unlimited = drag_limited_speed_ms(p, v)
    vmax = top_speed_ms(p, v, unlimited)
    return {
        "accel_0_60_s": time_to_speed(p, v, V60MPH, vmax, unlimited),
        "accel_0_100_s": time_to_speed(p, v, V100KMH, vmax, unlimited),
        "top_speed_mph": vmax / MPH,
    }
