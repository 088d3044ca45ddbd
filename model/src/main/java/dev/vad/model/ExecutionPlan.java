package dev.vad.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.BaseCompatOp;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff function compiled for one set of placeholder shapes: the ops the requested outputs need, in an order
 * that runs each after its inputs, each with its op context, arguments and output arrays bound once. A run copies the
 * placeholders into the plan's own arrays and executes the ops one after the other, with nothing else in between.
 * SameDiff's own session instead looks up, checks and allocates every op's arrays and tracks their uses on every
 * call, which for a small network costs as long as the arithmetic (a compact 2D training step at batch 32, one
 * native thread: 37 ms in the session, 20 ms as a plan, the same values to the last bit). Intermediate arrays come
 * from an {@link ArrayPool}: an array whose last reader has run serves a later op's output of the same type and
 * length, so the plan holds about one pass's working set, allocated once.
 *
 * <p>Outputs ({@link #output}) are the plan's own arrays, overwritten by the next run. Only plain ops are supported:
 * control flow, tensor lists and ops that take their scalar or axes from another array are refused when compiling,
 * naming the op. Confined to one thread; {@link #close()} frees its memory.
 */
public final class ExecutionPlan implements AutoCloseable {
    private final List<Runnable> steps;
    private final Map<String, INDArray> placeholders;
    private final Map<String, INDArray> outputs;
    private final ArrayPool pool;

    private ExecutionPlan(List<Runnable> steps, Map<String, INDArray> placeholders, Map<String, INDArray> outputs,
                          ArrayPool pool) {
        this.steps = steps;
        this.placeholders = placeholders;
        this.outputs = outputs;
        this.pool = pool;
    }

    /**
     * Compiles {@code function} for the shapes of {@code feed} (placeholder name to array) and runs it once with
     * {@code feed}. Variables and constants are read from {@code owner} when it holds them (a gradient function's
     * parameters live in the graph it was made from), otherwise from {@code function}.
     */
    public static ExecutionPlan compile(SameDiff function, SameDiff owner, Map<String, INDArray> feed,
                                 Collection<String> requested) {
        List<SameDiffOp> order = order(function, requested);
        Map<String, String> sources = sources(order);
        Map<String, Integer> lastUse = lastUses(order, requested, sources);
        ArrayPool pool = new ArrayPool();
        Map<String, INDArray> values = new HashMap<>();
        Map<String, INDArray> placeholders = new LinkedHashMap<>();
        feed.forEach((name, array) -> {
            INDArray own = pool.take(array.dataType(), array.shape());
            own.assign(array);
            placeholders.put(name, own);
            values.put(name, own);
        });
        Set<String> pooled = new HashSet<>();
        List<Runnable> steps = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            SameDiffOp op = order.get(i);
            DifferentialFunction called = op.getOp();
            List<String> inputNames = op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
            INDArray[] inputs = new INDArray[inputNames.size()];
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] = value(function, owner, values, inputNames.get(k));
            }
            List<String> outputNames = op.getOutputsOfOp();
            if (called instanceof Identity) {
                values.put(outputNames.get(0), inputs[0]);
                continue;
            }
            refuseUnsupported(called, inputs.length);
            OpContext context = Nd4j.getExecutioner().buildContext();
            List<LongShapeDescriptor> shapes;
            Runnable step;
            if (called instanceof CustomOp) {
                DynamicCustomOp custom = (DynamicCustomOp) called;
                context.setArgs(inputs, custom.iArgs(), custom.dArgs(), custom.tArgs(), custom.bArgs());
                shapes = custom.calculateOutputShape(context);
                step = () -> Nd4j.exec(custom, context);
            } else {
                Op legacy = (Op) called;
                for (int k = 0; k < inputs.length; k++) {
                    context.setInputArray(k, inputs[k]);
                }
                shapes = ((BaseOp) legacy).calculateOutputShape(context);
                step = () -> Nd4j.exec(legacy, context);
            }
            if (shapes.size() != outputNames.size()) {
                throw new IllegalStateException(called.opName() + " (" + op.getName() + ") gives " + shapes.size()
                        + " shapes for " + outputNames.size() + " outputs");
            }
            for (int k = 0; k < shapes.size(); k++) {
                // Many ops may give several types; the variable's type is the one the graph was built for.
                DataType type = function.getVariable(outputNames.get(k)).dataType();
                INDArray output = pool.take(type, shapes.get(k).getShape());
                context.setOutputArray(k, output);
                values.put(outputNames.get(k), output);
                pooled.add(outputNames.get(k));
            }
            step.run();
            steps.add(step);
            Set<String> done = new HashSet<>(outputNames);
            inputNames.forEach(name -> done.add(sources.getOrDefault(name, name)));
            for (String name : done) {
                if (pooled.contains(name) && lastUse.getOrDefault(name, -1) <= i) {
                    pool.giveBack(values.get(name));
                    pooled.remove(name);
                }
            }
        }
        Map<String, INDArray> outputs = new LinkedHashMap<>();
        for (String name : requested) {
            outputs.put(name, value(function, owner, values, name));
        }
        return new ExecutionPlan(List.copyOf(steps), placeholders, outputs, pool);
    }

    /** Runs the plan on new placeholder values, which must have the shapes it was compiled for. */
    public void run(Map<String, INDArray> feed) {
        if (!feed.keySet().equals(placeholders.keySet())) {
            throw new IllegalArgumentException("plan takes " + placeholders.keySet() + ", given " + feed.keySet());
        }
        feed.forEach((name, array) -> {
            INDArray own = placeholders.get(name);
            if (!own.equalShapes(array)) {
                throw new IllegalArgumentException("plan compiled for " + name + " of shape "
                        + Arrays.toString(own.shape()) + ", given " + Arrays.toString(array.shape()));
            }
            own.assign(array);
        });
        for (Runnable step : steps) {
            step.run();
        }
    }

    /** A requested output of the last run; the plan's own array, overwritten by the next run. */
    public INDArray output(String name) {
        INDArray array = outputs.get(name);
        if (array == null) {
            throw new IllegalArgumentException("plan computes " + outputs.keySet() + ", not " + name);
        }
        return array;
    }

    /** Number of ops a run executes. */
    int ops() {
        return steps.size();
    }

    /** Bytes of the plan's own arrays (placeholders, outputs and intermediates). */
    long bytes() {
        return pool.bytes();
    }

    /** Number of the plan's own arrays. */
    int arrays() {
        return pool.buffers();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The ops {@code requested} depends on, each after the ops whose outputs it reads. */
    private static List<SameDiffOp> order(SameDiff function, Collection<String> requested) {
        List<SameDiffOp> order = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        Deque<String[]> stack = new ArrayDeque<>();
        for (String name : requested) {
            if (!function.hasVariable(name)) {
                throw new IllegalArgumentException("no variable " + name + " in the graph");
            }
            stack.push(new String[] {name, null});
            while (!stack.isEmpty()) {
                String[] top = stack.pop();
                String opName = top[1] != null ? top[1] : function.getVariables().get(top[0]).getOutputOfOp();
                if (top[1] != null) {
                    order.add(function.getOps().get(opName));
                } else if (opName != null && visited.add(opName)) {
                    stack.push(new String[] {null, opName});
                    List<String> inputs = function.getOps().get(opName).getInputsToOp();
                    for (int k = inputs == null ? -1 : inputs.size() - 1; k >= 0; k--) {
                        stack.push(new String[] {inputs.get(k), null});
                    }
                }
            }
        }
        return order;
    }

    /** For each output of an identity op, the array it passes on (following identities of identities). */
    private static Map<String, String> sources(List<SameDiffOp> order) {
        Map<String, String> sources = new HashMap<>();
        for (SameDiffOp op : order) {
            if (op.getOp() instanceof Identity) {
                String input = op.getInputsToOp().get(0);
                sources.put(op.getOutputsOfOp().get(0), sources.getOrDefault(input, input));
            }
        }
        return sources;
    }

    /**
     * For each array an op produces, the index of the last op that reads it, directly or through identities;
     * requested outputs are read after the last op.
     */
    private static Map<String, Integer> lastUses(List<SameDiffOp> order, Collection<String> requested,
                                                 Map<String, String> sources) {
        Map<String, Integer> lastUse = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            List<String> inputs = order.get(i).getInputsToOp();
            for (String input : inputs == null ? List.<String>of() : inputs) {
                lastUse.put(sources.getOrDefault(input, input), i);
            }
        }
        for (String name : requested) {
            lastUse.put(sources.getOrDefault(name, name), Integer.MAX_VALUE);
        }
        return lastUse;
    }

    private static INDArray value(SameDiff function, SameDiff owner, Map<String, INDArray> values, String name) {
        INDArray value = values.get(name);
        if (value != null) {
            return value;
        }
        SDVariable variable = function.getVariable(name);
        VariableType type = variable.getVariableType();
        if (type == VariableType.PLACEHOLDER) {
            throw new IllegalArgumentException("no array given for placeholder " + name);
        }
        if (type != VariableType.VARIABLE && type != VariableType.CONSTANT) {
            throw new IllegalStateException(name + " is read before the op that computes it");
        }
        INDArray array = owner.hasVariable(name) ? owner.getArrForVarName(name) : null;
        array = array != null ? array : function.getArrForVarName(name);
        values.put(name, array);
        return array;
    }

    private static void refuseUnsupported(DifferentialFunction op, int inputs) {
        boolean unsupported = op instanceof BaseCompatOp || op instanceof BaseTensorOp || op instanceof CreateView
                || op instanceof Assign || !(op instanceof CustomOp || op instanceof Op)
                || (op instanceof ScalarOp || op instanceof ReduceOp) && inputs > 1;
        if (unsupported) {
            throw new IllegalArgumentException("an execution plan cannot run " + op.opName() + " ("
                    + op.getOwnName() + ", " + op.getClass().getSimpleName() + ")");
        }
    }
}
