// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {console} from "forge-std/console.sol";
import {TicketFactory} from "../TicketFactory.sol";
import {ResaleMarket} from "../ResaleMarket.sol";
import {Waitlist} from "../Waitlist.sol";
import {EventTicket} from "../EventTicket.sol";
import {TicketFixture} from "./utils/TicketFixture.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {EventConfig} from "../interfaces/ITicketTypes.sol";

/// Every production contract's deployed (runtime) code stays under the EIP-170 limit, and the
/// factory/market link is checked both ways at deployment.
contract ContractSizeTest is TicketFixture {
    uint256 internal constant EIP170_LIMIT = 24_576;

    function test_runtimeSizes_underEip170() public view {
        _check("TicketFactory", address(factory));
        _check("EventTicket", address(ticket));
        _check("ResaleMarket", address(market));
        _check("Waitlist", market.waitlist());
    }

    function test_factory_linksMarketBothWays() public view {
        assertEq(factory.market(), address(market));
        assertEq(address(market.factory()), address(factory));
        assertEq(address(Waitlist(market.waitlist()).factory()), address(factory));
        assertEq(address(Waitlist(market.waitlist()).market()), address(market));
    }

    function test_constructor_marketForAnotherFactory_reverts() public {
        ResaleMarket other = new ResaleMarket(makeAddr("someOtherFactory"));
        vm.expectRevert(
            abi.encodeWithSelector(TicketFactory.TicketFactoryMarketMismatch.selector, address(other), makeAddr("someOtherFactory"))
        );
        new TicketFactory(address(other), type(EventTicket).creationCode);
    }

    function test_constructor_emptyTicketCode_reverts() public {
        address predicted = vm.computeCreateAddress(address(this), vm.getNonce(address(this)) + 1);
        ResaleMarket m = new ResaleMarket(predicted);
        vm.expectRevert(TicketFactory.TicketFactoryNoTicketCode.selector);
        new TicketFactory(address(m), "");
    }

    /// The factory's creation path bubbles EventTicket's constructor errors unchanged.
    function test_createEvent_badConfig_bubblesTicketError() public {
        EventConfig memory cfg = _config();
        cfg.endTime = cfg.startTime;
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        factory.createEventWithTiers(cfg, _tiers());
    }

    function _check(string memory name, address a) private view {
        uint256 size = a.code.length;
        console.log(name, size, "bytes; margin", EIP170_LIMIT - size);
        assertLt(size, EIP170_LIMIT, name);
    }
}
